package vn.hatang.agent.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.hatang.agent.AgentMain;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.snapshot.LineMeasurement;

/**
 * Real HTTP over loopback against {@link SpeedTestServer}.
 *
 * <p>Tolerance of the rates: ±15% of the token bucket's rate. The bucket paces application bytes
 * exactly, so loopback has no TCP overhead to account for; the slack covers a short test (3 s per
 * direction, 0.9 s of it grace), the 100 ms sampling, the streams' staggered start and a shared,
 * busy build machine.
 */
class LineMeterTest {
  private static final double RATE_MBPS = 40;
  private static final Messages EN = Messages.of(Locale.ENGLISH, AgentMain.BUNDLE);

  private static LineMeasurement measure(String url, int seconds) {
    return new LineMeter(EN, Progress.NONE)
        .measure(new LineSpec("internet", url, null, 4, seconds, null));
  }

  /** Measures and checks that it returned within {@code boundMs} of wall-clock time. */
  private static LineMeasurement measureWithin(String url, int seconds, long boundMs) {
    long start = System.nanoTime();
    LineMeasurement m = measure(url, seconds);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(tookMs).as("wall-clock ms").isLessThan(boundMs);
    assertThat(m.durationMs()).isLessThanOrEqualTo(tookMs);
    return m;
  }

  @Test
  @Timeout(30)
  void measuresTheRateOfTheLinkBothWaysAndItsLatency() throws Exception {
    try (SpeedTestServer server = new SpeedTestServer(RATE_MBPS)) {
      server.pingDelayMs = 20;
      LineMeasurement m = measureWithin(server.url(), 3, 15_000);
      System.out.printf(
          Locale.ROOT,
          "loopback %s Mbit/s: down %.2f up %.2f latency %.2f min %.2f jitter %.2f loaded %.2f"
              + " up-window %d ms%n",
          RATE_MBPS,
          m.downloadMbps(),
          m.uploadMbps(),
          m.latencyMs(),
          m.latencyMinMs(),
          m.jitterMs(),
          m.loadedLatencyMs(),
          m.upload().windowMs());
      assertThat(m.status()).as(m.reason()).isEqualTo("OK");
      assertThat(m.reason()).isNull();
      assertThat(m.streams()).isEqualTo(4);
      assertThat(m.downloadMbps()).isCloseTo(RATE_MBPS, within(RATE_MBPS * 0.15));
      assertThat(m.uploadMbps()).isCloseTo(RATE_MBPS, within(RATE_MBPS * 0.15));
      // 20 ms of server delay plus loopback and HTTP: well under 10 ms more.
      assertThat(m.latencyMs()).isBetween(20.0, 30.0);
      assertThat(m.latencyMinMs()).isBetween(20.0, m.latencyMs());
      assertThat(m.latencySamplesMs()).hasSize(20);
      assertThat(m.jitterMs()).isBetween(0.0, 10.0);
      assertThat(m.loadedLatencyMs()).isGreaterThanOrEqualTo(20.0);
      // Grace: max(2 s, 4 × 20 ms) clamped to 30% of 3 s.
      assertThat(m.download().graceMs()).isBetween(900L, 1000L);
      assertThat(m.download().windowMs()).isBetween(1900L, 2200L);
      assertThat(m.download().intervalMs()).isEqualTo(250);
      assertThat(m.download().intervalMbps()).hasSizeBetween(11, 12);
      assertThat(m.upload().graceMs()).isEqualTo(900L);
      // The server drains what sits in the socket buffers after the client's deadline: the
      // upload's window on the server clock may end later than the client stopped writing.
      assertThat(m.upload().intervalMbps()).hasSizeGreaterThanOrEqualTo(10);
      // Every byte counted, grace included: the client's download count plus the server's upload
      // count.
      assertThat(m.bytesMoved())
          .isCloseTo(
              server.downloadSent.get() + server.uploadReceived.get(),
              within(2L * LineMeter.CHUNK_BYTES * 4));
    }
  }

  @Test
  @Timeout(10)
  void closedPortIsRefusedQuickly() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    LineMeasurement m = measureWithin("http://127.0.0.1:" + port, 3, 2_000);
    assertThat(m.status()).isEqualTo("REFUSED");
    assertThat(m.reason()).isEqualTo("connection refused by http://127.0.0.1:" + port);
    assertThat(m.downloadMbps()).isNull();
  }

  @Test
  @Timeout(10)
  void http500IsAnHttpError() throws IOException {
    try (SpeedTestServer server = new SpeedTestServer(RATE_MBPS)) {
      server.downloadStatus = 500;
      LineMeasurement m = measureWithin(server.url(), 3, 3_000);
      assertThat(m.status()).isEqualTo("HTTP_ERROR");
      assertThat(m.reason()).isEqualTo("the server answered HTTP 500 to /api/v1/speed/download");
    }
  }

  @Test
  @Timeout(10)
  void http429IsBusy() throws IOException {
    try (SpeedTestServer server = new SpeedTestServer(RATE_MBPS)) {
      server.downloadStatus = 429;
      LineMeasurement m = measureWithin(server.url(), 3, 3_000);
      assertThat(m.status()).isEqualTo("BUSY");
      assertThat(m.reason()).contains("retry after 30 s");
    }
  }

  @Test
  @Timeout(20)
  void aDownloadThatStopsSendingIsStalled() throws IOException {
    try (SpeedTestServer server = new SpeedTestServer(RATE_MBPS)) {
      server.stallAfterBytes = 256 * 1024;
      // 10 s per direction: the stall (5 s without a byte) is found before the deadline.
      LineMeasurement m = measureWithin(server.url(), 10, 7_000);
      assertThat(m.status()).isEqualTo("STALLED");
      assertThat(m.reason()).isEqualTo("the download stalled: no data for 5 s");
    }
  }

  @Test
  @Timeout(20)
  void anEndlessBodyIsCutAtTheDeadlineWithEveryByteCounted() throws IOException {
    try (SpeedTestServer server = new SpeedTestServer(RATE_MBPS)) {
      server.endless = true;
      LineMeasurement m = measureWithin(server.url(), 3, 10_000);
      assertThat(m.status()).as(m.reason()).isEqualTo("OK");
      assertThat(m.download().graceMs() + m.download().windowMs()).isBetween(3000L, 3150L);
      // What the server wrote and the client did not read is at most a chunk per stream in
      // flight.
      assertThat(m.bytesMoved())
          .isBetween(
              server.downloadSent.get()
                  + server.uploadReceived.get()
                  - 4L * 2 * LineMeter.CHUNK_BYTES,
              server.downloadSent.get() + server.uploadReceived.get());
    }
  }

  @Test
  @Timeout(20)
  void unknownHostIsDns() {
    LineMeasurement m = measureWithin("http://nonexistent.invalid", 3, 12_000);
    assertThat(m.status()).isEqualTo("DNS");
    assertThat(m.reason()).isEqualTo("cannot resolve the name nonexistent.invalid");
  }

  @Test
  @Timeout(15)
  void tlsToAPlainHttpPortIsTls() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread answer =
          new Thread(
              () -> {
                while (!plain.isClosed()) {
                  try (Socket s = plain.accept()) {
                    // A plain HTTP server answers a ClientHello with an HTTP error.
                    s.getInputStream().read(new byte[1024]);
                    OutputStream out = s.getOutputStream();
                    out.write(
                        "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      answer.setDaemon(true);
      answer.start();
      LineMeasurement m = measureWithin("https://127.0.0.1:" + plain.getLocalPort(), 3, 3_000);
      assertThat(m.status()).isEqualTo("TLS");
      assertThat(m.reason()).startsWith("TLS handshake with https://127.0.0.1:");
    }
  }
}
