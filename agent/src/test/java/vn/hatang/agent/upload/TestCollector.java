package vn.hatang.agent.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;

/**
 * An in-process collector for tests, on loopback, implementing upload protocol v1: stores bodies by
 * {@code snapshotId} (201, then 200 duplicate), and answers a forced status on demand. Records the
 * headers of every request. Can be stopped and started again on the same port, and serve HTTPS.
 */
public final class TestCollector implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the collector saw it. */
  public record Received(
      String authorization,
      String contentEncoding,
      String contentType,
      String idempotencyKey,
      String snapshotId) {}

  private final SSLContext tls;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private HttpServer server;
  private int port;

  public final Map<String, byte[]> stored = Collections.synchronizedMap(new LinkedHashMap<>());
  public final List<Received> requests = Collections.synchronizedList(new ArrayList<>());

  /** Answer this status (with a protocol answer) instead of storing; 0 = normal. */
  public volatile int forcedStatus;

  /** Only the n-th request (1-based) gets {@link #forcedStatus}; 0 = every request. */
  public volatile int forcedOnRequest;

  public volatile String retryAfter = "120";

  /** An HTTP collector on a free loopback port. */
  public TestCollector() throws IOException {
    this(null);
  }

  /** An HTTPS collector when {@code tls} is given. */
  public TestCollector(SSLContext tls) throws IOException {
    this.tls = tls;
    start(0);
  }

  /** Starts listening on {@code port} (0: a free one). */
  synchronized void start(int wanted) throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted);
    if (tls != null) {
      HttpsServer https = HttpsServer.create(address, 50);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      server = https;
    } else {
      server = HttpServer.create(address, 50);
    }
    server.setExecutor(executor);
    server.createContext("/api/v1/snapshots", this::snapshots);
    server.start();
    port = server.getAddress().getPort();
  }

  /** Stops listening: connections are refused until {@link #restart()}. */
  public synchronized void stop() {
    server.stop(0);
  }

  /** Listens again on the same port. */
  public void restart() throws IOException {
    start(port);
  }

  public String url() {
    return (tls != null ? "https" : "http") + "://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The snapshotIds in the order they were received (every request, stored or not). */
  public List<String> receivedIds() {
    synchronized (requests) {
      return requests.stream().map(Received::snapshotId).toList();
    }
  }

  private void snapshots(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405, "error", null, null);
        return;
      }
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      byte[] body = raw;
      if ("gzip".equals(encoding)) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
          body = in.readAllBytes();
        }
      }
      String id = null;
      try {
        JsonNode tree = JSON.readTree(body);
        id = tree.path("snapshotId").asText(null);
      } catch (IOException e) {
        // id stays null: answered 400 below.
      }
      requests.add(
          new Received(
              exchange.getRequestHeaders().getFirst("Authorization"),
              encoding,
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders().getFirst("Idempotency-Key"),
              id));
      int forced = forcedStatus;
      if (forced != 0 && (forcedOnRequest == 0 || forcedOnRequest == requests.size())) {
        if (forced == 429) {
          exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        String status =
            switch (forced) {
              case 400 -> "invalid";
              case 401 -> "unauthorized";
              case 403 -> "forbidden";
              case 429 -> "rate_limited";
              default -> "error";
            };
        answer(exchange, forced, status, id, forced == 400 ? "$.memory.totalBytes" : null);
        return;
      }
      if (id == null) {
        answer(exchange, 400, "invalid", null, null);
        return;
      }
      boolean fresh = stored.putIfAbsent(id, body) == null;
      answer(exchange, fresh ? 201 : 200, fresh ? "stored" : "duplicate", id, null);
    }
  }

  private static void answer(HttpExchange exchange, int code, String status, String id, String path)
      throws IOException {
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("status", status);
    if (id != null) {
      answer.put("snapshotId", id);
    }
    if (path != null) {
      answer.put("path", path);
      answer.put("reason", "must be >= 0");
    }
    byte[] bytes = JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
