package vn.hatang.agent.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
  void aServerBusyForLongerThanAMinuteIsBusyAtOnce() throws IOException {
    try (SpeedTestServer server = new SpeedTestServer(RATE_MBPS)) {
      server.busyDownloads.set(1000);
      server.retryAfter = "120";
      LineMeasurement m = measureWithin(server.url(), 3, 3_000);
      assertThat(m.status()).isEqualTo("BUSY");
      assertThat(m.reason())
          .isEqualTo("the server is busy (HTTP 429 to /api/v1/speed/download); retry after 120 s");
      // One attempt: the streams started before the first 429 came back, and no retry.
      assertThat(server.downloadRequests.get()).isBetween(1, 4);
      assertThat(server.pingRequests.get()).isEqualTo(LineMeter.WARM_UP_PINGS + LineMeter.PINGS);
    }
  }

  @Test
  @Timeout(30)
  void aBusyServerIsAskedAgainAfterItsRetryAfter() throws IOException {
    try (SpeedTestServer server = new SpeedTestServer(RATE_MBPS)) {
      server.busyPings.set(2);
      server.retryAfter = "1";
      long start = System.nanoTime();
      LineMeasurement m = measureWithin(server.url(), 2, 20_000);
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(m.status()).as(m.reason()).isEqualTo("OK");
      // Two waits of 1 to 1.5 s, then the whole measurement (4 s of transfers).
      assertThat(tookMs).isGreaterThanOrEqualTo(2_000 + 4_000);
      // Two refused attempts (their first ping), then a whole one.
      assertThat(server.pingRequests.get())
          .isGreaterThanOrEqualTo(2 + LineMeter.WARM_UP_PINGS + LineMeter.PINGS);
      assertThat(server.downloadRequests.get()).isEqualTo(4);
    }
  }

  @Test
  @Timeout(30)
  void aServerStillBusyAfterTwoRetriesIsBusy() throws IOException {
    try (SpeedTestServer server = new SpeedTestServer(RATE_MBPS)) {
      server.busyPings.set(1000);
      server.retryAfter = "not-a-number";
      long start = System.nanoTime();
      LineMeasurement m = measureWithin(server.url(), 3, 20_000);
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(m.status()).isEqualTo("BUSY");
      assertThat(server.pingRequests.get()).isEqualTo(1 + LineMeter.BUSY_RETRIES);
      assertThat(server.downloadRequests.get()).isZero();
      // Without a number, 5 s per wait (up to 7.5 s with the random share).
      assertThat(tookMs).isBetween(10_000L, 16_000L);
      assertThat(m.durationMs()).isGreaterThanOrEqualTo(10_000L);
    }
  }

  @Test
  void retryAfterIsReadFromTheBusyFailureOnly() {
    assertThat(LineMeter.retryAfter(new LineFailure("BUSY", "line.reason.busy", "/p", "7")))
        .hasValue(7);
    assertThat(LineMeter.retryAfter(new LineFailure("BUSY", "line.reason.busy", "/p", "0")))
        .hasValue(1);
    assertThat(LineMeter.retryAfter(new LineFailure("BUSY", "line.reason.busy", "/p", "?")))
        .hasValue(LineMeter.DEFAULT_RETRY_AFTER_SECONDS);
    assertThat(LineMeter.retryAfter(new LineFailure("BUSY", "line.reason.busy", "/p", "61")))
        .isEmpty();
    assertThat(LineMeter.retryAfter(new LineFailure("HTTP_ERROR", "line.reason.http", "500", "/p")))
        .isEmpty();
  }

  @Test
  @Timeout(20)
  void aLineThatNeverFinishesIsStoppedAtItsHardDeadline() throws IOException {
    try (SpeedTestServer server = new SpeedTestServer(RATE_MBPS)) {
      // Each ping's body trickles in a byte every 500 ms: no read timeout ever fires.
      server.tricklePings = true;
      LineMeter meter =
          new LineMeter(EN, Progress.NONE, System::nanoTime, spec -> Duration.ofSeconds(3));
      long start = System.nanoTime();
      LineMeasurement m = meter.measure(new LineSpec("internet", server.url(), null, 4, 3, null));
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(m.status()).isEqualTo("TIMEOUT");
      assertThat(m.reason())
          .isIn(
              "the measurement did not finish within 3 s and was stopped",
              "no answer from " + server.url() + " in time");
      assertThat(tookMs).isBetween(2_900L, 4_500L);
      assertThat(m.latencyMs()).isNull();
    }
  }

  @Test
  @Timeout(20)
  void aTlsHandshakeThatNeverAnswersTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      Thread accept =
          new Thread(
              () -> {
                while (!silent.isClosed()) {
                  try {
                    // Accepts the connection and reads the ClientHello, then says nothing.
                    Socket s = silent.accept();
                    held.add(s);
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      accept.setDaemon(true);
      accept.start();
      long start = System.nanoTime();
      LineMeasurement m = measure("https://127.0.0.1:" + silent.getLocalPort(), 3);
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(m.status()).as(m.reason()).isEqualTo("TIMEOUT");
      assertThat(m.reason())
          .isEqualTo("no answer from https://127.0.0.1:" + silent.getLocalPort() + " in time");
      // The handshake is bounded by the read timeout (5 s), not by the line's hard deadline.
      assertThat(tookMs)
          .isBetween(
              LineMeter.READ_TIMEOUT.toMillis() - 100, LineMeter.READ_TIMEOUT.toMillis() + 2_000);
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  @Timeout(20)
  void theLinesSocketsLeaveFromItsBindAddress() throws IOException {
    try (SpeedTestServer server = new SpeedTestServer(RATE_MBPS)) {
      // 127.0.0.2 is this machine too (all of 127/8 is loopback on Linux): a second "NIC".
      LineMeasurement m =
          new LineMeter(EN, Progress.NONE)
              .measure(new LineSpec("dedicated", server.url(), "127.0.0.2", 2, 1, null));
      assertThat(m.status()).as(m.reason()).isEqualTo("OK");
      assertThat(m.localAddress()).isEqualTo("127.0.0.2");
      assertThat(server.clientAddresses).containsExactly("127.0.0.2");
    }
  }

  @Test
  @Timeout(20)
  void aBindAddressThatIsNotThisMachinesIsAnError() throws IOException {
    try (SpeedTestServer server = new SpeedTestServer(RATE_MBPS)) {
      // 192.0.2.1 (TEST-NET-1) is on no interface here.
      LineMeasurement m =
          new LineMeter(EN, Progress.NONE)
              .measure(new LineSpec("dedicated", server.url(), "192.0.2.1", 2, 1, null));
      assertThat(m.status()).isEqualTo("ERROR");
      assertThat(m.reason()).startsWith("cannot use the local address of this line: ");
      assertThat(server.clientAddresses).isEmpty();
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
