package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;

/** Smoke test of the packaged jar in a child JVM: exit code, UTF-8 Vietnamese on stdout. */
class CliJarIT {
  @TempDir Path dir;

  @Test
  void jarJudgesSnapshotsInVietnamese() throws Exception {
    Path jar = Path.of("target/hatang.jar").toAbsolutePath();
    assertThat(jar).exists();
    Files.write(dir.resolve("old-pc.json"), Fixtures.bytes("old-pc.json"));
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    jar.toString(),
                    "check",
                    dir.toString(),
                    "--date",
                    "2026-11-25",
                    "--lang",
                    "vi"))
            .redirectErrorStream(false)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isEqualTo(1);
    assertThat(out).contains("Xã Nhơn Châu").contains("KHÔNG ĐẠT").contains("thiếu 6 GiB");
  }

  @Test
  void jarShowsTheBundledUnitsSample() throws Exception {
    Path jar = Path.of("target/hatang.jar").toAbsolutePath();
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    jar.toString(),
                    "units",
                    "show",
                    "--on",
                    "2025-07-01",
                    "--level",
                    "province"))
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(out)
        .contains("bundled:units/52.yaml: 1 unit(s) valid on 2025-07-01")
        .contains("Tỉnh Gia Lai");
  }

  /** 4,000 copies of a failing snapshot, each with its own id. */
  private void manySnapshots() throws Exception {
    String template = new String(Fixtures.bytes("old-pc.json"), StandardCharsets.UTF_8);
    for (int i = 0; i < 4000; i++) {
      String id = new java.util.UUID(0x0a1b2c3d4e5f4a6bL, 0x8c7d000000000000L | i).toString();
      Files.writeString(
          dir.resolve("pc-" + i + ".json"),
          template.replace("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", id));
    }
  }

  /**
   * Waits for a run out of heap to end, at most two minutes (then kills it and fails: a run that
   * hangs when a worker thread dies of it would otherwise hang the build), and returns its stderr.
   */
  private static String ended(Process p) throws Exception {
    CompletableFuture<String> stderr =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (java.io.IOException e) {
                return e.toString();
              }
            });
    boolean ended = p.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended).as("the run ended").isTrue();
    return stderr.get(10, TimeUnit.SECONDS);
  }

  /** Runs the jar's check of {@link #dir} in a heap of {@code heap}; stdout to {@code out}. */
  private Process check(String heap, String format, Path out) throws Exception {
    Path jar = Path.of("target/hatang.jar").toAbsolutePath();
    // Parallel GC: its overhead limit turns a heap that is just too small into an
    // OutOfMemoryError at once, where G1 can collect for minutes.
    return new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:+UseParallelGC",
                "-jar",
                jar.toString(),
                "check",
                dir.toString(),
                "--date",
                "2026-11-25",
                "-f",
                format))
        .redirectOutput(out.toFile())
        .start();
  }

  @Test
  void runningOutOfMemoryExitsFourWithAHint() throws Exception {
    manySnapshots();
    // A document is built from the whole report, which keeps every machine's findings (a few kB
    // each): 4,000 do not fit in 16 MiB; the heap fills after start-up, in the judging or the
    // rendering, not in class initialisation.
    Process p = check("16m", "md", dir.resolveSibling(dir.getFileName() + ".md"));
    String err = ended(p);
    // Not 1 ("deficiencies found"): 4, internal error, with a hint instead of a stack trace.
    assertThat(p.exitValue()).as(err).isEqualTo(4);
    // A worker of the parallel batches may report its own OutOfMemoryError first (the JVM's
    // handler of that thread); main's one line follows, with no stack trace.
    assertThat(err)
        .contains("error: out of memory (Java heap of ")
        .contains("JAVA_OPTS=-Xmx")
        .doesNotContain("at java.base");
  }

  /**
   * The text formats keep each machine's part of the output in a temporary file, not its findings:
   * 4,000 machines fit in a heap where their whole report does not (the document, above, runs out
   * of a heap this size), and the output is complete.
   */
  @Test
  void textOutputsOfManyMachinesFitInASmallHeap() throws Exception {
    manySnapshots();
    Path whole = dir.resolveSibling(dir.getFileName() + "-whole.md");
    Process doc = check("40m", "md", whole);
    String docErr = ended(doc);
    assertThat(doc.exitValue()).as("the whole report does not fit: %s", docErr).isEqualTo(4);

    Path json = dir.resolveSibling(dir.getFileName() + ".json");
    java.util.Set<String> before = spoolFiles();
    Process p = check("40m", "json", json);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isEqualTo(1);
    com.fasterxml.jackson.databind.JsonNode result =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
    assertThat(result.at("/summary/machines").asInt()).isEqualTo(4000);
    assertThat(result.at("/summary/fail").asInt()).isEqualTo(4000);
    assertThat(result.get("machines")).hasSize(4000);
    // No temporary file left behind.
    assertThat(spoolFiles()).isSubsetOf(before);
  }

  private static java.util.Set<String> spoolFiles() throws Exception {
    try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return tmp.map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith("hatang-check-") && n.endsWith(".parts"))
          .collect(java.util.stream.Collectors.toSet());
    }
  }
}
