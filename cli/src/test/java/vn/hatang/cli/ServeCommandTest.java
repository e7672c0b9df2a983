package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code hatang serve}'s refusals, in-process (each ends before anything listens). */
class ServeCommandTest {
  @Test
  void plainHttpOnANonLoopbackAddressIsAUsageError() {
    Cli run = Cli.run("serve", "--bind", "0.0.0.0", "--port", "0", "--lang", "en");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: --bind 0.0.0.0 is not a loopback address: serve it with --tls-keystore, or"
                + " allow plain HTTP with --insecure-http"
                + System.lineSeparator());
  }

  @Test
  void theRefusalIsInVietnameseToo() {
    Cli run = Cli.run("serve", "--bind", "0.0.0.0", "--lang", "vi");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("lỗi: --bind 0.0.0.0 không phải địa chỉ loopback");
  }

  @Test
  void aKeystoreWithoutItsPasswordVariableIsAUsageError() {
    Cli run =
        Cli.runWithInput(
            "",
            Map.of(),
            "serve",
            "--tls-keystore",
            "server.p12",
            "--tls-password-env",
            "HATANG_TLS_PASSWORD",
            "--lang",
            "en");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("environment variable HATANG_TLS_PASSWORD (named by --tls-password-env)");
  }

  @Test
  void anUnreadableKeystoreIsAnInvalidInput() {
    Cli run =
        Cli.runWithInput(
            "",
            Map.of("PW", "secret-value"),
            "serve",
            "--tls-keystore",
            "no-such-server.p12",
            "--tls-password-env",
            "PW",
            "--lang",
            "en");
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).startsWith("error: no-such-server.p12: cannot read the PKCS12 keystore");
    assertThat(run.err()).doesNotContain("secret-value");
  }

  @Test
  void aZeroLimitIsAUsageError() {
    Cli run = Cli.run("serve", "--max-concurrent-tests", "0", "--lang", "en");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--max-concurrent-tests 0: must be at least 1");
  }
}
