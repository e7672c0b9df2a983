package vn.hatang.cli.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.store.Store;
import vn.hatang.cli.store.StoreException;
import vn.hatang.cli.store.Tokens;
import vn.hatang.core.i18n.Lang;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.snapshot.SnapshotCodec;
import vn.hatang.core.snapshot.SnapshotException;
import vn.hatang.core.snapshot.SnapshotHeader;

/**
 * The collector's endpoints (contract: {@code docs/collector.md}): {@code POST /api/v1/snapshots},
 * {@code GET /api/v1/snapshots}, {@code GET /api/v1/snapshots/{id}}, {@code GET
 * /api/v1/units/{code}/latest}, {@code GET /healthz}, {@code GET /metrics}; JSON 404 for any other
 * path.
 *
 * <p>Jetty calls it on its selector thread (it is non-blocking, so that speed-test pings stay
 * there); the work, which reads bodies and waits for the store, runs on the collector's own bounded
 * pool, so that uploads can never take the threads the speed tests need. A full queue answers 503
 * with {@code Retry-After}. Thread-safe.
 */
final class CollectorHandler extends Handler.Abstract.NonBlocking implements AutoCloseable {
  static final String SNAPSHOTS = "/api/v1/snapshots";
  static final String UNITS = "/api/v1/units/";
  static final String HEALTH = "/healthz";
  static final String METRICS = "/metrics";

  /** Page size of {@code GET /api/v1/snapshots} when not asked, and the most it may be. */
  static final int DEFAULT_PAGE = 100;

  static final int MAX_PAGE = 1000;

  /** The body limit, on the wire and after decompression. */
  static final int MAX_BODY = SnapshotCodec.MAX_BYTES;

  /**
   * A body over {@link #MAX_BODY} but at most this long is read and dropped before the 413, so that
   * the client gets the answer; a longer declared one is refused unread.
   */
  static final long DRAIN_LIMIT = 4L * MAX_BODY;

  /**
   * Requests waiting for a collector thread before the next one is answered 503 busy. Each waiting
   * request holds only its connection (its body is read when a thread takes it), and 1,024 uploads
   * drain in about a second: room for the hundreds of agents a province's schedule may start at
   * once, which a queue of 16 per thread (128 by default) answered 503 at 200 concurrent uploads.
   */
  static final int MAX_QUEUED = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(CollectorHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpField JSON_TYPE =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
  private static final HttpField NO_STORE =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");

  private final Store store;
  private final Metrics metrics;
  private final RateLimiter limiter;
  private final Clock clock;
  private final ThreadPoolExecutor workers;

  /**
   * @param store where snapshots and tokens are
   * @param metrics the counters {@code /metrics} shows
   * @param uploadsPerMinute uploads allowed per token and minute (also the burst)
   * @param workerThreads threads that read bodies and call the store
   * @param clock the time of receipt and of token expiry
   */
  CollectorHandler(
      Store store, Metrics metrics, int uploadsPerMinute, int workerThreads, Clock clock) {
    this.store = store;
    this.metrics = metrics;
    this.limiter = new RateLimiter(uploadsPerMinute, System::nanoTime);
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            workerThreads,
            workerThreads,
            1,
            TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(Math.max(MAX_QUEUED, workerThreads * 16)),
            r -> {
              Thread t = new Thread(r, "hatang-collector-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    try {
      workers.execute(() -> serve(request, response, callback));
    } catch (RejectedExecutionException e) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
      answer(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "error", null, "busy", null);
    }
    return true;
  }

  private void serve(Request request, Response response, Callback callback) {
    Messages messages = messages(request);
    String path = request.getHttpURI().getPath();
    path = path == null ? "" : path;
    String method = request.getMethod();
    try {
      if (path.equals(SNAPSHOTS)) {
        if (HttpMethod.POST.is(method)) {
          upload(request, response, callback, messages);
        } else if (HttpMethod.GET.is(method)) {
          list(request, response, callback, messages);
        } else {
          notAllowed(response, callback, "GET, POST");
        }
      } else if (path.startsWith(SNAPSHOTS + "/")) {
        onlyGet(request, response, callback, () -> one(request, response, callback, messages));
      } else if (path.startsWith(UNITS) && path.endsWith("/latest")) {
        onlyGet(request, response, callback, () -> latest(request, response, callback, messages));
      } else if (path.equals(HEALTH)) {
        onlyGet(request, response, callback, () -> health(response, callback));
      } else if (path.equals(METRICS)) {
        onlyGet(request, response, callback, () -> metrics(response, callback));
      } else {
        answer(response, callback, HttpStatus.NOT_FOUND_404, "not_found", null, null, null);
      }
    } catch (StoreException e) {
      LOG.warn("store: {}", e.getMessage());
      metrics.rejected("error");
      answer(
          response,
          callback,
          HttpStatus.INTERNAL_SERVER_ERROR_500,
          "error",
          null,
          messages.get("collector.storeFailed"),
          null);
    } catch (IOException | RuntimeException e) {
      LOG.warn("{} {}: {}", method, path, e.toString());
      answer(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "error", null, null, null);
    }
  }

  /** What a GET endpoint does. */
  @FunctionalInterface
  private interface Get {
    void run() throws StoreException, IOException;
  }

  private void onlyGet(Request request, Response response, Callback callback, Get get)
      throws StoreException, IOException {
    if (HttpMethod.GET.is(request.getMethod())) {
      get.run();
    } else {
      notAllowed(response, callback, "GET");
    }
  }

  // ---- POST /api/v1/snapshots ---------------------------------------------------------------

  private void upload(Request request, Response response, Callback callback, Messages messages)
      throws StoreException, IOException {
    Optional<Store.Token> token = authenticate(request, response, callback, messages, "upload");
    if (token.isEmpty()) {
      return;
    }
    OptionalLong wait = limiter.acquire(token.get().id());
    if (wait.isPresent()) {
      metrics.rejected("rate_limited");
      response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(wait.getAsLong()));
      answer(
          response,
          callback,
          HttpStatus.TOO_MANY_REQUESTS_429,
          "rate_limited",
          null,
          messages.get("collector.rateLimited", wait.getAsLong()),
          null);
      return;
    }
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String encoding = request.getHeaders().get(HttpHeader.CONTENT_ENCODING);
    boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
    if (type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/json")
        || (encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity"))) {
      metrics.rejected("unsupported");
      answer(
          response,
          callback,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE_415,
          "unsupported",
          null,
          messages.get("collector.unsupported"),
          null);
      return;
    }
    if (request.getLength() > DRAIN_LIMIT) {
      tooLarge(response, callback, messages);
      return;
    }
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = readAtMost(in, MAX_BODY, request.getLength());
      if (body == null) {
        // Read the rest (bounded) before answering: closing with unread bytes makes the kernel
        // send a reset, and the client may lose the 413 and retry instead of giving up.
        drain(in, DRAIN_LIMIT);
      } else if (gzip) {
        body =
            readAtMost(
                new GZIPInputStream(new java.io.ByteArrayInputStream(body)),
                MAX_BODY,
                4L * body.length);
      }
    } catch (ZipException | java.io.EOFException e) {
      invalid(response, callback, null, messages.get("collector.badGzip"), null);
      return;
    }
    if (body == null) {
      tooLarge(response, callback, messages);
      return;
    }
    SnapshotHeader snapshot;
    try {
      snapshot = SnapshotCodec.readHeader(body, "upload");
    } catch (SnapshotException e) {
      String where = e.where();
      boolean jsonPath = where != null && where.startsWith("$");
      String reason = messages.get(e.key(), e.args().toArray());
      if (where != null && !jsonPath) {
        reason = where + ": " + reason;
      }
      invalid(response, callback, null, reason, jsonPath ? where : null);
      return;
    }
    String id = snapshot.snapshotId().toString();
    if (snapshot.machineId() == null) {
      // The schema lets an agent say "no id"; the store files and rolls up by machine.
      invalid(response, callback, id, messages.get("collector.noMachineId"), "$.machine.machineId");
      return;
    }
    String unit = snapshot.unitCode();
    if (token.get().unitCode() == null || !token.get().unitCode().equals(unit)) {
      metrics.rejected("forbidden");
      answer(
          response,
          callback,
          HttpStatus.FORBIDDEN_403,
          "forbidden",
          id,
          messages.get(
              "collector.otherUnit",
              token.get().unitCode() == null ? "-" : token.get().unitCode(),
              unit == null ? "-" : unit),
          null);
      return;
    }
    Store.PutResult result =
        store.put(
            new Store.NewSnapshot(
                id, unit, snapshot.machineId(), snapshot.takenAt().toInstant(), body),
            clock.instant());
    if (result == Store.PutResult.STORED) {
      metrics.received("stored");
      response.getHeaders().put(HttpHeader.LOCATION, SNAPSHOTS + "/" + id);
      answer(response, callback, HttpStatus.CREATED_201, "stored", id, null, null);
    } else {
      metrics.received("duplicate");
      answer(response, callback, HttpStatus.OK_200, "duplicate", id, null, null);
    }
  }

  private void tooLarge(Response response, Callback callback, Messages messages) {
    metrics.rejected("too_large");
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    answer(
        response,
        callback,
        HttpStatus.PAYLOAD_TOO_LARGE_413,
        "too_large",
        null,
        messages.get("collector.tooLarge", MAX_BODY),
        null);
  }

  private void invalid(
      Response response, Callback callback, String id, String reason, String jsonPath) {
    metrics.rejected("invalid");
    answer(response, callback, HttpStatus.BAD_REQUEST_400, "invalid", id, reason, jsonPath);
  }

  /** Reads and drops up to {@code max} bytes of the stream. */
  private static void drain(InputStream in, long max) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    while (total < max && (n = in.read(buffer)) != -1) {
      total += n;
    }
  }

  /**
   * The stream's bytes, or {@code null} when there are more than {@code max}.
   *
   * @param expected the likely size (Content-Length; -1 when unknown), to size the buffer
   */
  private static byte[] readAtMost(InputStream in, int max, long expected) throws IOException {
    int initial = expected > 0 ? (int) Math.min(expected, max) : 8 * 1024;
    ByteArrayOutputStream out = new ByteArrayOutputStream(initial);
    byte[] buffer = new byte[Math.min(initial, 16 * 1024)];
    int n;
    while ((n = in.read(buffer)) != -1) {
      if (out.size() + n > max) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  // ---- Read API ------------------------------------------------------------------------------

  private void list(Request request, Response response, Callback callback, Messages messages)
      throws StoreException, IOException {
    Optional<Store.Token> token = authenticate(request, response, callback, messages, "read");
    if (token.isEmpty()) {
      return;
    }
    Fields query = Request.extractQueryParameters(request);
    String unit = query.getValue("unit");
    Instant since = null;
    long after = 0;
    int limit = DEFAULT_PAGE;
    try {
      String s = query.getValue("since");
      if (s != null) {
        since =
            s.length() == 10
                ? Instant.parse(s + "T00:00:00Z")
                : OffsetDateTime.parse(s).toInstant();
      }
      String a = query.getValue("after");
      after = a == null ? 0 : Long.parseLong(a);
      String l = query.getValue("limit");
      limit = l == null ? DEFAULT_PAGE : Integer.parseInt(l);
    } catch (DateTimeParseException | NumberFormatException e) {
      answer(
          response,
          callback,
          HttpStatus.BAD_REQUEST_400,
          "invalid",
          null,
          messages.get("collector.badQuery"),
          null);
      return;
    }
    if (limit < 1 || limit > MAX_PAGE || after < 0) {
      answer(
          response,
          callback,
          HttpStatus.BAD_REQUEST_400,
          "invalid",
          null,
          messages.get("collector.badQuery"),
          null);
      return;
    }
    String bound = token.get().unitCode();
    if (bound != null) {
      if (unit != null && !unit.equals(bound)) {
        forbiddenRead(response, callback, messages, bound, unit);
        return;
      }
      unit = bound;
    }
    Store.Page page = store.list(unit, since, after, limit);
    items(response, callback, page.items(), page.next() == null ? null : page.next().toString());
  }

  private void one(Request request, Response response, Callback callback, Messages messages)
      throws StoreException, IOException {
    Optional<Store.Token> token = authenticate(request, response, callback, messages, "read");
    if (token.isEmpty()) {
      return;
    }
    String id = request.getHttpURI().getPath().substring(SNAPSHOTS.length() + 1);
    Optional<Store.Entry> entry = store.get(id);
    String bound = token.get().unitCode();
    if (entry.isEmpty() || (bound != null && !bound.equals(entry.get().unitCode()))) {
      answer(response, callback, HttpStatus.NOT_FOUND_404, "not_found", null, null, null);
      return;
    }
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(JSON_TYPE).put(NO_STORE);
    Content.Sink.write(response, true, entry.get().json(), callback);
  }

  private void latest(Request request, Response response, Callback callback, Messages messages)
      throws StoreException, IOException {
    Optional<Store.Token> token = authenticate(request, response, callback, messages, "read");
    if (token.isEmpty()) {
      return;
    }
    String path = request.getHttpURI().getPath();
    String unit = path.substring(UNITS.length(), path.length() - "/latest".length());
    String bound = token.get().unitCode();
    if (bound != null && !bound.equals(unit)) {
      forbiddenRead(response, callback, messages, bound, unit);
      return;
    }
    items(response, callback, store.latestPerMachine(unit), null);
  }

  private void forbiddenRead(
      Response response, Callback callback, Messages messages, String bound, String unit) {
    answer(
        response,
        callback,
        HttpStatus.FORBIDDEN_403,
        "forbidden",
        null,
        messages.get("collector.otherUnitRead", bound, unit),
        null);
  }

  /** {@code {"items": [...], "next": ...}} with each stored snapshot embedded verbatim. */
  private static void items(
      Response response, Callback callback, List<Store.Entry> entries, String next)
      throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(text)) {
      g.writeStartObject();
      g.writeArrayFieldStart("items");
      for (Store.Entry e : entries) {
        g.writeStartObject();
        g.writeStringField("snapshotId", e.snapshotId());
        g.writeStringField("unit", e.unitCode());
        g.writeStringField("machineId", e.machineId());
        g.writeStringField("takenAt", e.takenAt().toString());
        g.writeStringField("receivedAt", e.receivedAt().toString());
        g.writeFieldName("snapshot");
        // Stored only after SnapshotCodec accepted it: well-formed JSON, safe to embed as is.
        g.writeRawValue(e.json());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (next == null) {
        g.writeNullField("next");
      } else {
        g.writeStringField("next", next);
      }
      g.writeEndObject();
    }
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(JSON_TYPE).put(NO_STORE);
    Content.Sink.write(response, true, text.toString(), callback);
  }

  // ---- Health and metrics --------------------------------------------------------------------

  private void health(Response response, Callback callback) {
    boolean up = store.healthy();
    answerJson(
        response,
        callback,
        up ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503,
        JSON.createObjectNode().put("status", up ? "ok" : "down").put("store", store.kind()));
  }

  private void metrics(Response response, Callback callback) {
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Metrics.CONTENT_TYPE).put(NO_STORE);
    Content.Sink.write(response, true, metrics.render(store), callback);
  }

  // ---- Tokens --------------------------------------------------------------------------------

  /**
   * The request's active token of the given scope; otherwise answers 401 (no, unknown, expired or
   * revoked token) or 403 (another scope) and returns empty.
   */
  private Optional<Store.Token> authenticate(
      Request request, Response response, Callback callback, Messages messages, String scope)
      throws StoreException {
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    String prefix = "bearer ";
    if (header == null
        || header.length() <= prefix.length()
        || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
      unauthorized(response, callback, messages.get("collector.noToken"), scope);
      return Optional.empty();
    }
    String text = header.substring(prefix.length()).trim();
    // What does not have a token's shape is refused without a look-up.
    Optional<Store.Token> token =
        Tokens.isWellFormed(text) ? store.tokenByHash(Tokens.sha256Hex(text)) : Optional.empty();
    if (token.isEmpty() || !token.get().activeAt(clock.instant())) {
      unauthorized(response, callback, messages.get("collector.badToken"), scope);
      return Optional.empty();
    }
    if (!token.get().scope().equals(scope)) {
      if (scope.equals("upload")) {
        metrics.rejected("forbidden");
      }
      answer(
          response,
          callback,
          HttpStatus.FORBIDDEN_403,
          "forbidden",
          null,
          messages.get("collector.wrongScope", token.get().scope(), scope),
          null);
      return Optional.empty();
    }
    return token;
  }

  private void unauthorized(Response response, Callback callback, String reason, String scope) {
    if (scope.equals("upload")) {
      metrics.rejected("unauthorized");
    }
    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"hatang\"");
    answer(response, callback, HttpStatus.UNAUTHORIZED_401, "unauthorized", null, reason, null);
  }

  // ---- Answers -------------------------------------------------------------------------------

  private static void notAllowed(Response response, Callback callback, String allow) {
    response.getHeaders().put(HttpHeader.ALLOW, allow);
    answer(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "not_allowed", null, null, null);
  }

  /** {@code {"status", "snapshotId", "reason", "path"}}, the absent ones left out. */
  static void answer(
      Response response,
      Callback callback,
      int code,
      String status,
      String snapshotId,
      String reason,
      String jsonPath) {
    var node = JSON.createObjectNode().put("status", status);
    if (snapshotId != null) {
      node.put("snapshotId", snapshotId);
    }
    if (reason != null) {
      node.put("reason", reason);
    }
    if (jsonPath != null) {
      node.put("path", jsonPath);
    }
    answerJson(response, callback, code, node);
  }

  private static void answerJson(
      Response response, Callback callback, int code, com.fasterxml.jackson.databind.JsonNode n) {
    response.setStatus(code);
    response.getHeaders().put(JSON_TYPE).put(NO_STORE);
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(n);
    } catch (IOException e) {
      callback.failed(e);
      return;
    }
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /** The answer's language: Vietnamese when the client asks for it first, else English. */
  private static Messages messages(Request request) {
    String accept = request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE);
    Locale locale =
        accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("vi")
            ? Lang.VI
            : Locale.ENGLISH;
    return Messages.of(locale, HatangMain.BUNDLE);
  }

  @Override
  public void close() {
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
