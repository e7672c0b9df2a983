package vn.hatang.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.cli.store.Store;
import vn.hatang.cli.store.StoreException;
import vn.hatang.cli.store.Stores;
import vn.hatang.cli.store.Tokens;
import vn.hatang.core.Fixtures;

/** The collector's endpoints over real HTTP on loopback, with a real SQLite store. */
class CollectorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNIT = "21583";
  private static final String UPLOAD = Tokens.generate().text();
  private static final String OTHER_UNIT = Tokens.generate().text();
  private static final String READ_ALL = Tokens.generate().text();
  private static final String READ_UNIT = Tokens.generate().text();
  private static final String REVOKED = Tokens.generate().text();
  private static final String EXPIRED = Tokens.generate().text();

  @TempDir Path dir;

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Store store;
  private HatangServer server;
  private URI base;

  private void start(int uploadsPerMinute) throws Exception {
    start(uploadsPerMinute, null);
  }

  /** As {@link #start(int)}; with a gate, every store write first waits for the gate to open. */
  private void start(int uploadsPerMinute, CountDownLatch putGate) throws Exception {
    store = Stores.open(null, dir);
    Instant now = Instant.now();
    token(UPLOAD, "upload", UNIT, null, null);
    token(OTHER_UNIT, "upload", "21584", null, null);
    token(READ_ALL, "read", null, null, null);
    token(READ_UNIT, "read", UNIT, null, null);
    token(REVOKED, "upload", UNIT, null, now.minusSeconds(60));
    token(EXPIRED, "upload", UNIT, now.minusSeconds(60), null);
    server =
        new HatangServer(
            ServeOptions.loopback(0),
            new HatangServer.Collector(
                putGate == null ? store : new GatedStore(store, putGate), uploadsPerMinute, 4));
    server.start();
    base = server.uri();
  }

  private void token(String text, String scope, String unit, Instant expires, Instant revoked)
      throws Exception {
    store.addToken(
        new Store.Token(
            Tokens.idOf(text).orElseThrow(),
            Tokens.sha256Hex(text),
            scope,
            unit,
            null,
            Instant.now().minus(1, ChronoUnit.DAYS),
            expires,
            revoked));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private static byte[] snapshot(String id, String unit, String machineId, String takenAt)
      throws Exception {
    ObjectNode s = (ObjectNode) JSON.readTree(Fixtures.bytes("compliant-pc.json"));
    s.put("snapshotId", id);
    s.put("takenAt", takenAt);
    ((ObjectNode) s.get("unit")).put("code", unit);
    ((ObjectNode) s.get("machine")).put("machineId", machineId);
    return JSON.writeValueAsBytes(s);
  }

  private static byte[] snapshot(String id) throws Exception {
    return snapshot(id, UNIT, "5f0c9e3b8a7d4c2e1f0a9b8c7d6e5f40", "2026-11-20T08:15:30+07:00");
  }

  private HttpResponse<String> post(String token, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve("/api/v1/snapshots"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String token, String path) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void storesOnceAndAnswersTheSameIdAgainAsDuplicate() throws Exception {
    start(1000);
    String id = UUID.randomUUID().toString();
    byte[] body = snapshot(id);
    HttpResponse<String> first = post(UPLOAD, body);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(json(first).get("status").asText()).isEqualTo("stored");
    assertThat(json(first).get("snapshotId").asText()).isEqualTo(id);
    assertThat(first.headers().firstValue("location")).hasValue("/api/v1/snapshots/" + id);
    HttpResponse<String> again = post(UPLOAD, body);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("status").asText()).isEqualTo("duplicate");
    assertThat(store.stats().snapshots()).isEqualTo(1);
    // Kept verbatim: the bytes sent are the bytes stored.
    assertThat(store.get(id).orElseThrow().json())
        .isEqualTo(new String(body, StandardCharsets.UTF_8));
    assertThat(store.get(id).orElseThrow().unitCode()).isEqualTo(UNIT);
  }

  @Test
  void twoHundredConcurrentUploadsWaitForAThreadInsteadOfBeingTurnedAway() throws Exception {
    // Four collector threads, every store write held back: 196 uploads wait in the queue. A queue
    // of 16 per thread answered 64 of them and the rest 503 at once (agents then back off).
    CountDownLatch gate = new CountDownLatch(1);
    start(1_000_000, gate);
    int clients = 200;
    List<String> ids = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      answers.add(
          client.sendAsync(
              HttpRequest.newBuilder(base.resolve("/api/v1/snapshots"))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(snapshot(id)))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + UPLOAD)
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }
    // A refusal would come back while the gate is shut; a short wait only makes the test weaker.
    CompletableFuture<Object> any =
        CompletableFuture.anyOf(answers.toArray(new CompletableFuture[0]));
    assertThatThrownBy(() -> any.get(3, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
    gate.countDown();
    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      HttpResponse<String> r = answer.get(120, TimeUnit.SECONDS);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    assertThat(store.stats().snapshots()).isEqualTo(clients);
    for (String id : ids) {
      assertThat(store.get(id)).isPresent();
    }
  }

  /** The real store, with writes that wait for a gate (to pile uploads up in the collector). */
  private record GatedStore(Store store, CountDownLatch gate) implements Store {
    @Override
    public String kind() {
      return store.kind();
    }

    @Override
    public PutResult put(NewSnapshot snapshot, Instant receivedAt) throws StoreException {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return store.put(snapshot, receivedAt);
    }

    @Override
    public Page list(String unitCode, Instant sinceTakenAt, long afterSeq, int limit)
        throws StoreException {
      return store.list(unitCode, sinceTakenAt, afterSeq, limit);
    }

    @Override
    public List<Entry> latestPerMachine(String unitCode) throws StoreException {
      return store.latestPerMachine(unitCode);
    }

    @Override
    public Optional<Entry> get(String snapshotId) throws StoreException {
      return store.get(snapshotId);
    }

    @Override
    public Stats stats() throws StoreException {
      return store.stats();
    }

    @Override
    public void addToken(Token token) throws StoreException {
      store.addToken(token);
    }

    @Override
    public Optional<Token> tokenByHash(String sha256Hex) throws StoreException {
      return store.tokenByHash(sha256Hex);
    }

    @Override
    public List<Token> tokens() throws StoreException {
      return store.tokens();
    }

    @Override
    public boolean revokeToken(String id, Instant at) throws StoreException {
      return store.revokeToken(id, at);
    }

    @Override
    public boolean healthy() {
      return store.healthy();
    }

    @Override
    public void close() {
      // The test closes the real store.
    }
  }

  @Test
  void acceptsAGzipBody() throws Exception {
    start(1000);
    String id = UUID.randomUUID().toString();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(snapshot(id));
    }
    HttpResponse<String> r = post(UPLOAD, gz.toByteArray(), "Content-Encoding", "gzip");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(store.get(id)).isPresent();
  }

  @Test
  void tokensDecideWhoMayUploadAndForWhichUnit() throws Exception {
    start(1000);
    byte[] body = snapshot(UUID.randomUUID().toString());
    HttpResponse<String> none = post(null, body);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"hatang\"");
    assertThat(json(none).get("status").asText()).isEqualTo("unauthorized");
    assertThat(post(Tokens.generate().text(), body).statusCode()).isEqualTo(401);
    assertThat(post("not-a-token", body).statusCode()).isEqualTo(401);
    assertThat(post(REVOKED, body).statusCode()).isEqualTo(401);
    assertThat(post(EXPIRED, body).statusCode()).isEqualTo(401);
    HttpResponse<String> readScope = post(READ_ALL, body);
    assertThat(readScope.statusCode()).isEqualTo(403);
    assertThat(json(readScope).get("reason").asText())
        .isEqualTo("this token has scope read; this needs scope upload");
    HttpResponse<String> otherUnit = post(OTHER_UNIT, body);
    assertThat(otherUnit.statusCode()).isEqualTo(403);
    assertThat(json(otherUnit).get("reason").asText())
        .isEqualTo("this token is for unit 21584; the snapshot is of unit 21583");
    assertThat(store.stats().snapshots()).isZero();
  }

  @Test
  void badBodiesAreRefusedWithWhereAndWhy() throws Exception {
    start(1000);
    HttpResponse<String> notJson = post(UPLOAD, "{\"schemaVersion\": 1,\n  oops".getBytes());
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(json(notJson).get("status").asText()).isEqualTo("invalid");
    assertThat(json(notJson).get("reason").asText()).matches("2:\\d+: not valid JSON: .*");

    ObjectNode s = (ObjectNode) JSON.readTree(snapshot(UUID.randomUUID().toString()));
    ((ObjectNode) s.get("memory")).put("totalBytes", 0);
    HttpResponse<String> schema = post(UPLOAD, JSON.writeValueAsBytes(s));
    assertThat(schema.statusCode()).isEqualTo(400);
    assertThat(json(schema).get("path").asText()).isEqualTo("$.memory.totalBytes");

    ObjectNode noMachine = (ObjectNode) JSON.readTree(snapshot(UUID.randomUUID().toString()));
    ((ObjectNode) noMachine.get("machine")).putNull("machineId");
    HttpResponse<String> anonymous = post(UPLOAD, JSON.writeValueAsBytes(noMachine));
    assertThat(anonymous.statusCode()).isEqualTo(400);
    assertThat(json(anonymous).get("path").asText()).isEqualTo("$.machine.machineId");
    assertThat(json(anonymous).get("reason").asText()).contains("no machine id");

    // The schema's pattern takes this takenAt; no calendar does.
    HttpResponse<String> noDate =
        post(UPLOAD, snapshot(UUID.randomUUID().toString(), UNIT, "m-1", "2026-13-45T25:61+07:00"));
    assertThat(noDate.statusCode()).isEqualTo(400);
    assertThat(json(noDate).get("reason").asText()).contains("2026-13-45");

    HttpResponse<String> text =
        post(UPLOAD, snapshot(UUID.randomUUID().toString()), "Content-Type", "text/plain");
    assertThat(text.statusCode()).isEqualTo(415);
    HttpResponse<String> brotli =
        post(UPLOAD, snapshot(UUID.randomUUID().toString()), "Content-Encoding", "br");
    assertThat(brotli.statusCode()).isEqualTo(415);
    assertThat(post(UPLOAD, new byte[] {1, 2, 3}, "Content-Encoding", "gzip").statusCode())
        .isEqualTo(400);
    assertThat(store.stats().snapshots()).isZero();
  }

  @Test
  void bodiesOverTheLimitAreRefusedOnTheWireAndAfterDecompression() throws Exception {
    start(1000);
    byte[] big = new byte[CollectorHandler.MAX_BODY + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    HttpResponse<String> large = post(UPLOAD, big);
    assertThat(large.statusCode()).isEqualTo(413);
    assertThat(json(large).get("status").asText()).isEqualTo("too_large");
    // A gzip bomb: 40 kB on the wire, 40 MB inflated.
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 40; i++) {
        out.write(spaces);
      }
    }
    assertThat(gz.size()).isLessThan(100_000);
    assertThat(post(UPLOAD, gz.toByteArray(), "Content-Encoding", "gzip").statusCode())
        .isEqualTo(413);
  }

  @Test
  void uploadsPerTokenAreRateLimited() throws Exception {
    start(2);
    assertThat(post(UPLOAD, snapshot(UUID.randomUUID().toString())).statusCode()).isEqualTo(201);
    assertThat(post(UPLOAD, snapshot(UUID.randomUUID().toString())).statusCode()).isEqualTo(201);
    HttpResponse<String> third = post(UPLOAD, snapshot(UUID.randomUUID().toString()));
    assertThat(third.statusCode()).isEqualTo(429);
    // Two a minute: the next one in about 30 s.
    assertThat(Long.parseLong(third.headers().firstValue("retry-after").orElseThrow()))
        .isBetween(1L, 30L);
    assertThat(json(third).get("status").asText()).isEqualTo("rate_limited");
  }

  @Test
  void readApiPagesFiltersAndKeepsReadTokensToTheirUnit() throws Exception {
    start(1000);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      assertThat(
              post(
                      UPLOAD,
                      snapshot(id, UNIT, "machine-" + (i % 2), "2026-11-2" + i + "T08:00:00+07:00"))
                  .statusCode())
          .isEqualTo(201);
    }
    String other = UUID.randomUUID().toString();
    assertThat(
            post(OTHER_UNIT, snapshot(other, "21584", "m-x", "2026-11-22T08:00:00+07:00"))
                .statusCode())
        .isEqualTo(201);

    // Pages of 2 in the order received, for every unit.
    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      HttpResponse<String> r =
          get(READ_ALL, "/api/v1/snapshots?limit=2" + (after == null ? "" : "&after=" + after));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode page = json(r);
      for (JsonNode item : page.get("items")) {
        seen.add(item.get("snapshotId").asText());
        // The stored snapshot, embedded as JSON.
        assertThat(item.get("snapshot").get("snapshotId").asText())
            .isEqualTo(item.get("snapshotId").asText());
      }
      after = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    } while (after != null);
    List<String> expected = new ArrayList<>(ids);
    expected.add(other);
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(3);

    // A unit's read token sees its unit only, and may not ask for another.
    JsonNode mine = json(get(READ_UNIT, "/api/v1/snapshots?limit=100"));
    assertThat(mine.get("items")).hasSize(5);
    assertThat(get(READ_UNIT, "/api/v1/snapshots?unit=21584").statusCode()).isEqualTo(403);
    // since filters on takenAt (2026-11-23 08:00 +07 is 01:00 UTC that day).
    JsonNode since = json(get(READ_ALL, "/api/v1/snapshots?unit=21583&since=2026-11-23"));
    assertThat(since.get("items")).hasSize(2);
    assertThat(get(READ_ALL, "/api/v1/snapshots?limit=5000").statusCode()).isEqualTo(400);
    // Upload tokens do not read.
    assertThat(get(UPLOAD, "/api/v1/snapshots").statusCode()).isEqualTo(403);
    assertThat(get(null, "/api/v1/snapshots").statusCode()).isEqualTo(401);

    // Latest per machine: machine-0 at 24th (i=4), machine-1 at 23rd (i=3).
    JsonNode latest = json(get(READ_ALL, "/api/v1/units/21583/latest"));
    List<String> latestIds = new ArrayList<>();
    latest.get("items").forEach(i -> latestIds.add(i.get("snapshotId").asText()));
    assertThat(latestIds).containsExactlyInAnyOrder(ids.get(4), ids.get(3));
    assertThat(get(READ_UNIT, "/api/v1/units/21584/latest").statusCode()).isEqualTo(403);

    HttpResponse<String> one = get(READ_UNIT, "/api/v1/snapshots/" + ids.get(0));
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(one.body()).get("snapshotId").asText()).isEqualTo(ids.get(0));
    assertThat(get(READ_UNIT, "/api/v1/snapshots/" + other).statusCode()).isEqualTo(404);
  }

  @Test
  void healthMetricsAndVietnameseReasons() throws Exception {
    start(1000);
    HttpResponse<String> health = get(null, "/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).get("status").asText()).isEqualTo("ok");
    assertThat(json(health).get("store").asText()).isEqualTo("sqlite");

    byte[] body = snapshot(UUID.randomUUID().toString());
    post(UPLOAD, body);
    post(UPLOAD, body);
    post(null, body);
    HttpResponse<String> vi = post(OTHER_UNIT, body, "Accept-Language", "vi-VN,vi;q=0.9");
    assertThat(json(vi).get("reason").asText())
        .isEqualTo("mã truy cập này của đơn vị 21584; bản kiểm kê thuộc đơn vị 21583");
    get(null, "/api/v1/speed/ping");

    HttpResponse<String> metrics = get(null, "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("content-type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    assertThat(metrics.body())
        .contains("hatang_snapshots_received_total{outcome=\"stored\"} 1\n")
        .contains("hatang_snapshots_received_total{outcome=\"duplicate\"} 1\n")
        .contains("hatang_snapshots_rejected_total{reason=\"unauthorized\"} 1\n")
        .contains("hatang_snapshots_rejected_total{reason=\"forbidden\"} 1\n")
        .contains("hatang_speed_tests_total{kind=\"ping\"} 1\n")
        .contains("hatang_store_up 1\n")
        .contains("hatang_store_snapshots 1\n")
        .contains("hatang_store_bytes " + body.length + "\n");
    assertThat(json(get(null, "/nowhere")).get("status").asText()).isEqualTo("not_found");
  }
}
