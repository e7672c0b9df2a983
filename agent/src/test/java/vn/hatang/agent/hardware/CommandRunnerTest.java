package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {
  @Test
  void returnsOutputAndExitCode() throws IOException {
    CommandRunner.Result result = new CommandRunner().run(List.of("echo", "xin chào"));
    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEqualTo("xin chào\n");
    assertThat(result.stderr()).isEmpty();
  }

  @Test
  void nonZeroExitIsAnErrorForOutput() {
    assertThatThrownBy(
            () -> new CommandRunner().output(List.of("sh", "-c", "echo boom >&2; exit 3")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exited with 3")
        .hasMessageContaining("boom");
  }

  @Test
  void killsCommandsPastTheTimeout() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> new CommandRunner(Duration.ofMillis(300)).run(List.of("sleep", "30")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void missingCommandIsAnError() {
    assertThatThrownBy(() -> new CommandRunner().run(List.of("no-such-command-hatang")))
        .isInstanceOf(IOException.class);
  }
}
