package vn.hatang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged programs as child processes. */
final class Jars {
  static final Path AGENT =
      Path.of("../agent/target/hatang-agent.jar").toAbsolutePath().normalize();
  static final Path CLI = Path.of("../cli/target/hatang.jar").toAbsolutePath().normalize();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Jars() {}

  /** What a finished process printed, and its exit code. */
  record Run(int exit, String out, String err) {}

  /** Runs {@code java -jar JAR args...} to the end (at most two minutes). */
  static Run run(Path jar, Map<String, String> env, String... args) throws Exception {
    Process p = start(jar, env, null, args);
    // Read both streams on their own threads so that neither pipe fills and blocks the child.
    var out = new java.util.concurrent.CompletableFuture<String>();
    var err = new java.util.concurrent.CompletableFuture<String>();
    drain(p.getInputStream(), out);
    drain(p.getErrorStream(), err);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s %s finished", jar, List.of(args)).isTrue();
    return new Run(p.exitValue(), out.get(), err.get());
  }

  /** Starts {@code java -jar JAR args...}; stdout and stderr go to {@code log} when given. */
  static Process start(Path jar, Map<String, String> env, Path log, String... args)
      throws IOException {
    assertThat(jar).as("the packaged jar (built by the agent and cli modules)").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    if (log != null) {
      pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }
    return pb.start();
  }

  private static void drain(
      java.io.InputStream in, java.util.concurrent.CompletableFuture<String> into) {
    Thread t =
        new Thread(
            () -> {
              try {
                into.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                into.complete("");
              }
            });
    t.setDaemon(true);
    t.start();
  }

  /** A TCP port free now on loopback. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Waits until {@code GET base/healthz} answers 200 (at most 60 s). */
  static void awaitHealthy(URI base, Process server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertThat(server.isAlive()).as("collector still running").isTrue();
      try {
        HttpResponse<Void> r =
            HTTP.send(
                HttpRequest.newBuilder(base.resolve("/healthz"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(50);
    }
    throw new AssertionError("collector at " + base + " not healthy within 60 s");
  }
}
