package vn.hatang.cli.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hatang.cli.store.Store.Entry;
import vn.hatang.cli.store.Store.NewSnapshot;
import vn.hatang.cli.store.Store.Page;
import vn.hatang.cli.store.Store.PutResult;
import vn.hatang.cli.store.Store.Token;

/**
 * The {@link Store} contract, run against every backend: each subclass opens a fresh, empty store
 * and can open it again.
 */
abstract class StoreContractTest {
  static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

  Store store;

  /** A new, empty store. */
  abstract Store openFresh() throws Exception;

  /** The same store as the last {@link #openFresh} opened, opened again. */
  abstract Store reopen() throws Exception;

  /** A plain JDBC connection to the store's database (and schema). */
  abstract Connection rawConnection() throws Exception;

  abstract String expectedKind();

  @BeforeEach
  void open() throws Exception {
    store = openFresh();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  static String json(String id, String unit, String machine, Instant takenAt) {
    return "{\"schemaVersion\": 1, \"snapshotId\": \""
        + id
        + "\", \"unit\": {\"code\": \""
        + unit
        + "\"}, \"machine\": {\"id\": \""
        + machine
        + "\"}, \"takenAt\": \""
        + takenAt
        + "\"}";
  }

  static NewSnapshot snapshot(String id, String unit, String machine, Instant takenAt) {
    return new NewSnapshot(id, unit, machine, takenAt, json(id, unit, machine, takenAt));
  }

  static List<String> ids(List<Entry> entries) {
    return entries.stream().map(Entry::snapshotId).toList();
  }

  @Test
  void kindNamesTheBackend() {
    assertThat(store.kind()).isEqualTo(expectedKind());
    assertThat(store.healthy()).isTrue();
  }

  @Test
  void putStoresOnceAndKeepsTheFirstOnADuplicate() throws Exception {
    NewSnapshot first = snapshot("s-1", "21583", "m-1", T0);
    assertThat(store.put(first, T0.plusSeconds(5))).isEqualTo(PutResult.STORED);
    NewSnapshot again =
        new NewSnapshot("s-1", "99999", "m-other", T0.plusSeconds(60), "{\"other\": true}");
    assertThat(store.put(again, T0.plusSeconds(90))).isEqualTo(PutResult.DUPLICATE);

    Entry e = store.get("s-1").orElseThrow();
    assertThat(e.unitCode()).isEqualTo("21583");
    assertThat(e.machineId()).isEqualTo("m-1");
    assertThat(e.takenAt()).isEqualTo(T0);
    assertThat(e.receivedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(e.json()).isEqualTo(first.json());
    assertThat(e.sizeBytes()).isEqualTo(first.json().getBytes(StandardCharsets.UTF_8).length);
    assertThat(e.sha256())
        .isEqualTo(Tokens.sha256Hex(first.json()))
        .hasSize(64)
        .matches("[0-9a-f]+");
    assertThat(e.seq()).isPositive();
    assertThat(store.stats().snapshots()).isEqualTo(1);
    assertThat(store.get("s-2")).isEmpty();
  }

  @Test
  void jsonRoundTripsVerbatimWithVietnameseText() throws Exception {
    String text =
        "{\n  \"snapshotId\" : \"vi-1\",\n  \"unit\": {\"code\": \"21583\", \"name\": \"Phường Quy"
            + " Nhơn\"},\n  \"note\": \"Xã Nhơn Châu – máy kế toán \\u00e9 \\\"trích dẫn\\\" 🖥\","
            + "\t\"n\": 1.50e3 }\r\n";
    NewSnapshot s = new NewSnapshot("vi-1", "21583", "m-vi", T0, text);
    assertThat(store.put(s, T0)).isEqualTo(PutResult.STORED);
    Entry e = store.get("vi-1").orElseThrow();
    assertThat(e.json()).isEqualTo(text);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat(e.sizeBytes()).isEqualTo(bytes.length).isGreaterThan(text.length());
    assertThat(e.sha256()).isEqualTo(Tokens.sha256Hex(bytes));
    assertThat(store.list(null, null, 0, 10).items().get(0).json()).isEqualTo(text);
  }

  @Test
  void twentyThreadsPuttingTheSameIdStoreItExactlyOnce() throws Exception {
    int threads = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<PutResult>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        Callable<PutResult> put =
            () -> {
              start.await();
              return store.put(
                  new NewSnapshot("same", "21583", "m-" + n, T0, "{\"n\": " + n + "}"),
                  T0.plusMillis(n));
            };
        results.add(pool.submit(put));
      }
      start.countDown();
      int stored = 0;
      int duplicate = 0;
      for (Future<PutResult> f : results) {
        if (f.get(60, TimeUnit.SECONDS) == PutResult.STORED) {
          stored++;
        } else {
          duplicate++;
        }
      }
      assertThat(stored).isEqualTo(1);
      assertThat(duplicate).isEqualTo(threads - 1);
      assertThat(store.stats().snapshots()).isEqualTo(1);
      Entry e = store.get("same").orElseThrow();
      // The stored row is whole: the JSON of the same thread as its machine id.
      assertThat(e.json()).isEqualTo("{\"n\": " + e.machineId().substring(2) + "}");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fiftyConcurrentUploadsAreAllStored() throws Exception {
    int threads = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<PutResult>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String id = "c-" + i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.put(snapshot(id, "21583", "m-" + id, T0), T0);
                }));
      }
      start.countDown();
      for (Future<PutResult> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(PutResult.STORED);
      }
      assertThat(store.stats().snapshots()).isEqualTo(threads);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aReaderPagingDuringConcurrentPutsMissesNothing() throws Exception {
    int writers = 8;
    int perWriter = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    AtomicBoolean done = new AtomicBoolean();
    Set<String> seen = new HashSet<>();
    List<Long> seqs = new ArrayList<>();
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        jobs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perWriter; i++) {
                    String id = "w" + writer + "-" + i;
                    store.put(snapshot(id, "21583", "m-" + writer, T0.plusSeconds(i)), T0);
                  }
                  return null;
                }));
      }
      Thread watcher =
          new Thread(
              () -> {
                for (Future<?> j : jobs) {
                  try {
                    j.get();
                  } catch (Exception e) {
                    // Reported by the assertions below.
                  }
                }
                done.set(true);
              });
      watcher.start();
      long cursor = 0;
      boolean last = false;
      while (true) {
        boolean finished = done.get();
        Page page = store.list(null, null, cursor, 7);
        for (Entry e : page.items()) {
          seen.add(e.snapshotId());
          seqs.add(e.seq());
        }
        if (!page.items().isEmpty()) {
          cursor = page.items().get(page.items().size() - 1).seq();
        }
        if (last && page.next() == null) {
          break;
        }
        last = finished;
      }
      for (Future<?> j : jobs) {
        j.get(60, TimeUnit.SECONDS);
      }
      watcher.join();
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).hasSize(writers * perWriter);
    assertThat(seqs).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void listPagesInInsertionOrderWithACursor() throws Exception {
    // Taken-at deliberately out of order: the list follows the order of arrival.
    for (int i = 0; i < 7; i++) {
      store.put(snapshot("p-" + i, "21583", "m-" + i, T0.minusSeconds(i * 60L)), T0);
    }
    Page first = store.list(null, null, 0, 3);
    assertThat(ids(first.items())).containsExactly("p-0", "p-1", "p-2");
    assertThat(first.next()).isEqualTo(first.items().get(2).seq());
    Page second = store.list(null, null, first.next(), 3);
    assertThat(ids(second.items())).containsExactly("p-3", "p-4", "p-5");
    Page third = store.list(null, null, second.next(), 3);
    assertThat(ids(third.items())).containsExactly("p-6");
    assertThat(third.next()).isNull();
    // A page that ends exactly at the last entry has no next.
    Page exact = store.list(null, null, second.next(), 1);
    assertThat(ids(exact.items())).containsExactly("p-6");
    assertThat(exact.next()).isNull();
    assertThat(store.list(null, null, third.items().get(0).seq(), 3).items()).isEmpty();

    List<Long> seqs = new ArrayList<>();
    store.list(null, null, 0, 1000).items().forEach(e -> seqs.add(e.seq()));
    assertThat(seqs).hasSize(7).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void listRejectsALimitOutsideOneToAThousand() {
    assertThatThrownBy(() -> store.list(null, null, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.list(null, null, 0, 1001))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listFiltersByUnitAndTakenAt() throws Exception {
    store.put(snapshot("a1", "21583", "m-a", T0.minusSeconds(3600)), T0);
    store.put(snapshot("b1", "21607", "m-b", T0), T0);
    store.put(snapshot("a2", "21583", "m-a", T0), T0);
    store.put(snapshot("a3", "21583", "m-c", T0.plusSeconds(3600)), T0);
    store.put(new NewSnapshot("n1", null, "m-n", T0, "{}"), T0);

    assertThat(ids(store.list("21583", null, 0, 10).items())).containsExactly("a1", "a2", "a3");
    assertThat(ids(store.list("21607", null, 0, 10).items())).containsExactly("b1");
    assertThat(ids(store.list("00000", null, 0, 10).items())).isEmpty();
    // since is inclusive and filters on taken-at.
    assertThat(ids(store.list(null, T0, 0, 10).items())).containsExactly("b1", "a2", "a3", "n1");
    assertThat(ids(store.list("21583", T0, 0, 10).items())).containsExactly("a2", "a3");
    assertThat(store.get("n1").orElseThrow().unitCode()).isNull();

    Page page = store.list("21583", null, 0, 2);
    assertThat(ids(page.items())).containsExactly("a1", "a2");
    assertThat(ids(store.list("21583", null, page.next(), 2).items())).containsExactly("a3");
  }

  @Test
  void latestPerMachineTakesTheNewestTakenAtThenTheLastReceived() throws Exception {
    store.put(snapshot("m1-new", "21583", "m-1", T0.plusSeconds(60)), T0);
    store.put(snapshot("m1-old", "21583", "m-1", T0), T0); // arrives later, taken earlier
    store.put(snapshot("m2-a", "21583", "m-2", T0), T0);
    store.put(snapshot("m2-b", "21583", "m-2", T0), T0); // same taken-at: the later sequence
    store.put(snapshot("m3", "21607", "m-3", T0.plusSeconds(600)), T0);
    store.put(snapshot("m1-other-unit", "21607", "m-1", T0.plusSeconds(900)), T0);

    assertThat(ids(store.latestPerMachine("21583"))).containsExactly("m1-new", "m2-b");
    assertThat(ids(store.latestPerMachine("21607"))).containsExactly("m1-other-unit", "m3");
    assertThat(store.latestPerMachine("00000")).isEmpty();
  }

  @Test
  void statsCountSnapshotsAndJsonBytes() throws Exception {
    assertThat(store.stats()).isEqualTo(new Store.Stats(0, 0));
    store.put(new NewSnapshot("x1", "u", "m", T0, "{\"a\":\"ư\"}"), T0); // 9 chars, 10 bytes
    store.put(new NewSnapshot("x2", "u", "m", T0, "{}"), T0);
    store.put(new NewSnapshot("x2", "u", "m", T0, "{\"dup\": 1}"), T0);
    assertThat(store.stats()).isEqualTo(new Store.Stats(2, 10 + 2));
  }

  @Test
  void tokensAreAddedFoundListedAndRevoked() throws Exception {
    Tokens.Issued upload = Tokens.generate();
    Tokens.Issued read = Tokens.generate();
    Instant created = Instant.parse("2026-11-01T01:02:03.456Z");
    Token a =
        new Token(
            upload.id(), upload.sha256(), "upload", "21583", "Máy văn thư", created, null, null);
    Token b =
        new Token(
            read.id(),
            read.sha256(),
            "read",
            null,
            null,
            created.plusSeconds(1),
            Instant.parse("2027-01-01T00:00:00Z"),
            null);
    store.addToken(a);
    store.addToken(b);

    assertThat(store.tokenByHash(Tokens.sha256Hex(upload.text()))).contains(a);
    assertThat(store.tokenByHash(read.sha256())).contains(b);
    assertThat(store.tokenByHash(Tokens.sha256Hex("hat_aaaaaaaa_nope"))).isEmpty();
    assertThat(store.tokens()).containsExactly(a, b);

    Instant revokedAt = Instant.parse("2026-11-25T10:00:00Z");
    assertThat(store.revokeToken(upload.id(), revokedAt)).isTrue();
    assertThat(store.revokeToken(upload.id(), revokedAt.plusSeconds(3600))).isTrue();
    assertThat(store.revokeToken("zzzzzzzz", revokedAt)).isFalse();
    Token revoked = store.tokenByHash(upload.sha256()).orElseThrow();
    assertThat(revoked.revokedAt()).isEqualTo(revokedAt);
    assertThat(revoked.activeAt(revokedAt)).isFalse();
    assertThat(store.tokenByHash(read.sha256()).orElseThrow().revokedAt()).isNull();
    assertThat(store.tokenByHash(read.sha256()).orElseThrow().activeAt(revokedAt)).isTrue();
  }

  @Test
  void tokenExpiryIsKeptAndJudged() throws Exception {
    Tokens.Issued t = Tokens.generate();
    Instant expires = Instant.parse("2026-12-31T17:00:00Z");
    store.addToken(new Token(t.id(), t.sha256(), "upload", "21583", null, T0, expires, null));
    Token found = store.tokenByHash(t.sha256()).orElseThrow();
    assertThat(found.expiresAt()).isEqualTo(expires);
    assertThat(found.activeAt(expires.minusSeconds(1))).isTrue();
    assertThat(found.activeAt(expires)).isFalse();
  }

  @Test
  void aSecondTokenWithTheSameIdIsRefused() throws Exception {
    Tokens.Issued t = Tokens.generate();
    store.addToken(new Token(t.id(), t.sha256(), "upload", "21583", null, T0, null, null));
    Token clash =
        new Token(t.id(), Tokens.sha256Hex("other"), "upload", "21583", null, T0, null, null);
    assertThatThrownBy(() -> store.addToken(clash))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("the " + expectedKind() + " store failed: ");
    assertThat(store.tokens()).hasSize(1);
  }

  @Test
  void reopeningKeepsEverything() throws Exception {
    String text = json("r-1", "21583", "Máy chủ", T0);
    store.put(new NewSnapshot("r-1", "21583", "Máy chủ", T0, text), T0.plusSeconds(1));
    store.put(snapshot("r-2", "21583", "m-2", T0), T0);
    Tokens.Issued t = Tokens.generate();
    Token token = new Token(t.id(), t.sha256(), "read", null, "tỉnh", T0, null, null);
    store.addToken(token);
    List<Entry> before = store.list(null, null, 0, 10).items();
    store.close();

    store = reopen();
    assertThat(store.list(null, null, 0, 10).items()).isEqualTo(before);
    assertThat(store.get("r-1").orElseThrow().json()).isEqualTo(text);
    assertThat(store.tokens()).containsExactly(token);
    assertThat(store.put(snapshot("r-1", "21583", "m", T0), T0)).isEqualTo(PutResult.DUPLICATE);
    // Sequences keep growing after a reopen.
    store.put(snapshot("r-3", "21583", "m-3", T0), T0);
    assertThat(store.get("r-3").orElseThrow().seq()).isGreaterThan(before.get(1).seq());
  }

  @Test
  void theSchemaVersionIsRecordedAndANewerOneRefused() throws Exception {
    try (Connection c = rawConnection();
        Statement st = c.createStatement()) {
      var rs = st.executeQuery("SELECT MAX(version) FROM schema_version");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(JdbcStore.SCHEMA_VERSION);
      rs.close();
      st.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 0)");
    }
    store.close();
    store = null;
    assertThatThrownBy(this::reopen)
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 99, newer than this hatang knows (1)");
  }

  @Test
  void aClosedStoreFailsWithAStoreException() throws Exception {
    store.close();
    assertThatThrownBy(() -> store.put(snapshot("z", "u", "m", T0), T0))
        .isInstanceOf(StoreException.class);
    assertThat(store.healthy()).isFalse();
  }
}
