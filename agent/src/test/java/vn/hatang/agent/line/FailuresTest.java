package vn.hatang.agent.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private static String status(Throwable t) {
    return Failures.classify(t, "http://10.1.2.3:8080").status();
  }

  @Test
  void statusesByType() {
    assertThat(status(new UnknownHostException("x"))).isEqualTo("DNS");
    assertThat(status(new ConnectException("Connection refused"))).isEqualTo("REFUSED");
    assertThat(status(new ConnectException("Connection timed out"))).isEqualTo("TIMEOUT");
    assertThat(status(new SocketTimeoutException("connect timed out"))).isEqualTo("TIMEOUT");
    assertThat(status(new InterruptedIOException("timeout"))).isEqualTo("TIMEOUT");
    assertThat(status(new SSLHandshakeException("bad"))).isEqualTo("TLS");
    assertThat(status(new IOException("unexpected end of stream"))).isEqualTo("ERROR");
    assertThat(status(new IllegalStateException("bug"))).isEqualTo("ERROR");
  }

  @Test
  void causesAreSearchedAndOurOwnFailuresKept() {
    assertThat(status(new IOException("wrapped", new UnknownHostException("x")))).isEqualTo("DNS");
    LineFailure stalled = new LineFailure("STALLED", "line.reason.stalled.download", "5");
    assertThat(Failures.classify(new IOException(stalled), "u")).isSameAs(stalled);
  }

  @Test
  void dnsReasonNamesTheHost() {
    assertThat(Failures.classify(new UnknownHostException(), "http://a.example:8080").args())
        .containsExactly("a.example");
  }
}
