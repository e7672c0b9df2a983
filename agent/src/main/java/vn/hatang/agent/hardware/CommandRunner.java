package vn.hatang.agent.hardware;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command with a time limit and returns its output as UTF-8 text. Commands run
 * with {@code LC_ALL=C} so their output has the format the parsers expect. Thread-safe.
 */
public final class CommandRunner {
  /** The default time limit for one command. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Duration timeout;

  /** A runner with {@link #DEFAULT_TIMEOUT}. */
  public CommandRunner() {
    this(DEFAULT_TIMEOUT);
  }

  /** A runner that kills commands still running after {@code timeout}. */
  public CommandRunner(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout);
  }

  /**
   * What a command printed.
   *
   * @param exitCode the process exit code
   * @param stdout standard output, UTF-8
   * @param stderr standard error, UTF-8
   */
  public record Result(int exitCode, String stdout, String stderr) {}

  /**
   * Runs a command and waits for it.
   *
   * @throws IOException when the command cannot be started or does not end within the time limit
   *     (it is then killed with its descendants)
   */
  public Result run(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("LC_ALL", "C");
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> out = readAsync(process.getInputStream());
    CompletableFuture<String> err = readAsync(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IOException(
            "timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command));
      }
      return new Result(
          process.exitValue(),
          out.get(timeout.toMillis(), TimeUnit.MILLISECONDS),
          err.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IOException("cannot read the output of " + String.join(" ", command), e);
    }
  }

  /**
   * Runs a command and returns its standard output.
   *
   * @throws IOException as {@link #run}, and when the command exits with a non-zero code
   */
  public String output(List<String> command) throws IOException {
    Result result = run(command);
    if (result.exitCode() != 0) {
      String detail = result.stderr().isBlank() ? result.stdout() : result.stderr();
      throw new IOException(
          command.get(0) + " exited with " + result.exitCode() + ": " + firstLine(detail));
    }
    return result.stdout();
  }

  private static String firstLine(String text) {
    String trimmed = text.strip();
    int nl = trimmed.indexOf('\n');
    return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
  }

  private static CompletableFuture<String> readAsync(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
