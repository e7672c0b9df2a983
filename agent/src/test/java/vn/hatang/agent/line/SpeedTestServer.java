package vn.hatang.agent.line;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process {@code hatang serve} speed endpoint for tests, on loopback: download, upload (with
 * the server's receive samples), ping. Every body byte in either direction passes one token bucket
 * shared by all connections, so the line has a known rate. Faults on demand: an HTTP status for
 * downloads, a download that stops sending, a download that never ends.
 */
final class SpeedTestServer implements AutoCloseable {
  private static final int CHUNK = 16 * 1024;
  private static final byte[] RANDOM = new byte[1024 * 1024 + CHUNK];

  static {
    new Random(42).nextBytes(RANDOM);
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final double bytesPerSecond;
  private final Object bucketLock = new Object();
  private long nextFreeNanos = System.nanoTime();

  volatile long pingDelayMs;
  volatile int downloadStatus = 200;
  volatile long stallAfterBytes = -1;
  volatile boolean endless;
  volatile String retryAfter = "30";

  /** Pings answer 200 with a 1,000-byte body sent a byte every 500 ms (no read timeout fires). */
  volatile boolean tricklePings;

  /** Downloads answered 429 before the server answers them normally again. */
  final AtomicInteger busyDownloads = new AtomicInteger();

  /**
   * Pings answered 429 before the server answers them normally again (the ping is an attempt's
   * first request, alone: one 429 per attempt).
   */
  final AtomicInteger busyPings = new AtomicInteger();

  final AtomicInteger pingRequests = new AtomicInteger();

  final AtomicInteger downloadRequests = new AtomicInteger();
  final Set<String> clientAddresses = ConcurrentHashMap.newKeySet();

  final AtomicLong downloadSent = new AtomicLong();
  final AtomicLong uploadReceived = new AtomicLong();

  /** A server limited to {@code mbps} megabits per second, both directions together. */
  SpeedTestServer(double mbps) throws IOException {
    this.bytesPerSecond = mbps * 1e6 / 8;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(executor);
    server.createContext("/api/v1/speed/ping", this::ping);
    server.createContext("/api/v1/speed/download", this::download);
    server.createContext("/api/v1/speed/upload", this::upload);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Waits until {@code n} bytes may pass: a pacing token bucket with no burst. */
  private void take(int n) throws IOException {
    long at;
    synchronized (bucketLock) {
      long now = System.nanoTime();
      at = Math.max(now, nextFreeNanos);
      nextFreeNanos = at + (long) (n * 1e9 / bytesPerSecond);
    }
    long wait = at - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }

  private void ping(HttpExchange exchange) throws IOException {
    clientAddresses.add(exchange.getRemoteAddress().getAddress().getHostAddress());
    pingRequests.incrementAndGet();
    try (exchange) {
      if (busyPings.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        exchange.getResponseHeaders().add("Retry-After", retryAfter);
        exchange.sendResponseHeaders(429, -1);
        return;
      }
      if (tricklePings) {
        exchange.sendResponseHeaders(200, 1000);
        for (int i = 0; i < 1000 && closed.getCount() > 0; i++) {
          exchange.getResponseBody().write('.');
          exchange.getResponseBody().flush();
          awaitClose(500);
        }
        return;
      }
      if (pingDelayMs > 0) {
        sleep(pingDelayMs);
      }
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(204, -1);
    }
  }

  private void download(HttpExchange exchange) throws IOException {
    downloadRequests.incrementAndGet();
    try (exchange) {
      if (busyDownloads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        exchange.getResponseHeaders().add("Retry-After", retryAfter);
        exchange.sendResponseHeaders(429, -1);
        return;
      }
      if (downloadStatus != 200) {
        exchange.sendResponseHeaders(downloadStatus, -1);
        return;
      }
      String query = exchange.getRequestURI().getQuery();
      long bytes = Long.parseLong(query.substring(query.indexOf('=') + 1));
      exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
      exchange.getResponseHeaders().add("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, endless || stallAfterBytes >= 0 ? 0 : bytes);
      OutputStream out = exchange.getResponseBody();
      long sent = 0;
      int offset = 0;
      while (endless || sent < bytes) {
        if (stallAfterBytes >= 0 && sent >= stallAfterBytes) {
          // The line goes quiet: keep the connection open, send nothing.
          awaitClose(30_000);
          return;
        }
        int n = (int) Math.min(CHUNK, endless ? CHUNK : bytes - sent);
        take(n);
        out.write(RANDOM, offset, n);
        out.flush();
        sent += n;
        downloadSent.addAndGet(n);
        offset = (offset + n) % (RANDOM.length - CHUNK);
      }
    } catch (IOException e) {
      // The client cut the body (deadline): expected.
    }
  }

  private void upload(HttpExchange exchange) throws IOException {
    try (exchange) {
      InputStream in = exchange.getRequestBody();
      byte[] buffer = new byte[CHUNK];
      long total = 0;
      long first = -1;
      long last = -1;
      long nextSample = 0;
      List<long[]> samples = new ArrayList<>();
      int n;
      while ((n = in.read(buffer)) != -1) {
        take(n);
        long now = System.currentTimeMillis();
        if (first < 0) {
          first = now;
          nextSample = first + 100;
        }
        while (now >= nextSample) {
          samples.add(new long[] {nextSample, total});
          nextSample += 100;
        }
        total += n;
        last = now;
        uploadReceived.addAndGet(n);
      }
      StringBuilder json = new StringBuilder();
      json.append("{\"bytes\":").append(total);
      json.append(",\"firstByteAtMs\":").append(first);
      json.append(",\"lastByteAtMs\":").append(last);
      json.append(",\"intervalMs\":100,\"samples\":[");
      for (int i = 0; i < samples.size(); i++) {
        json.append(i == 0 ? "" : ",")
            .append('[')
            .append(samples.get(i)[0])
            .append(',')
            .append(samples.get(i)[1])
            .append(']');
      }
      json.append("]}");
      byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private void awaitClose(long ms) {
    try {
      closed.await(ms, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
