package vn.hatang.cli.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.cli.store.Store.PutResult;

/** The store contract on SQLite, and what only SQLite has: its file, its pragmas. */
class SqliteStoreTest extends StoreContractTest {
  @TempDir Path tmp;
  Path dataDir;

  @Override
  Store openFresh() throws Exception {
    dataDir = tmp.resolve("data/nested");
    return Stores.open(null, dataDir);
  }

  @Override
  Store reopen() throws Exception {
    return Stores.open(null, dataDir);
  }

  @Override
  Connection rawConnection() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("hatang.db"));
  }

  @Override
  String expectedKind() {
    return "sqlite";
  }

  @Test
  void theWalIsCopiedIntoTheFileInTheBackgroundWhileTheStoreIsOpen() throws Exception {
    Path db = dataDir.resolve("hatang.db");
    long before = Files.size(db);
    String big = "{\"pad\": \"" + "x".repeat(20_000) + "\"}";
    for (int i = 0; i < 50; i++) {
      store.put(new Store.NewSnapshot("ck-" + i, "21583", "m", T0, big), T0);
    }
    // Automatic checkpoints are off on the writer: only the background thread grows the file
    // (1 MB of rows) while the store stays open.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (Files.size(db) < before + 1_000_000 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(Files.size(db)).isGreaterThan(before + 1_000_000);
    SqliteStore sqlite = (SqliteStore) store;
    String auto =
        sqlite.inWriteTransaction(
            c -> {
              try (Statement st = c.createStatement();
                  ResultSet rs = st.executeQuery("PRAGMA wal_autocheckpoint")) {
                rs.next();
                return rs.getString(1);
              }
            });
    assertThat(auto).isEqualTo("0");
    assertThat(store.get("ck-49")).isPresent();
  }

  @Test
  void theDatabaseIsOneFileInWalModeWithFullSync() throws Exception {
    assertThat(dataDir.resolve("hatang.db")).isRegularFile();
    try (Connection c = rawConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
    SqliteStore sqlite = (SqliteStore) store;
    String sync =
        sqlite.inWriteTransaction(
            c -> {
              try (Statement st = c.createStatement();
                  ResultSet rs = st.executeQuery("PRAGMA synchronous")) {
                rs.next();
                return rs.getString(1);
              }
            });
    assertThat(sync).isEqualTo("2"); // FULL
    String busy =
        sqlite.reading(
            c -> {
              try (Statement st = c.createStatement();
                  ResultSet rs = st.executeQuery("PRAGMA busy_timeout")) {
                rs.next();
                return rs.getString(1);
              }
            });
    assertThat(busy).isEqualTo(Integer.toString(SqliteStore.BUSY_TIMEOUT_MS));
  }

  @Test
  void indexesOfTheContractExist() throws Exception {
    List<String> indexes = new ArrayList<>();
    try (Connection c = rawConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")) {
      while (rs.next()) {
        indexes.add(rs.getString(1));
      }
    }
    assertThat(indexes).contains("snapshots_unit_seq", "snapshots_unit_machine_taken");
  }

  @Test
  void twoStoresOnTheSameFileWriteConcurrentlyWithoutBusyErrors() throws Exception {
    // As two processes would: hatang serve and hatang tokens create, say.
    try (Store other = Stores.open(null, dataDir)) {
      ExecutorService pool = Executors.newFixedThreadPool(20);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PutResult>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          Store target = i % 2 == 0 ? store : other;
          String id = "two-" + i;
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return target.put(snapshot(id, "21583", "m", T0), T0);
                  }));
        }
        start.countDown();
        for (Future<PutResult> f : results) {
          assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo(PutResult.STORED);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(other.stats().snapshots()).isEqualTo(100);
    }
    assertThat(store.stats().snapshots()).isEqualTo(100);
  }

  @Test
  void putsWaitingTogetherAreCommittedAndARefusedRowFailsOnlyItsOwnPut() throws Exception {
    int puts = 40;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < puts; i++) {
      ids.add((i % 8 == 3 ? "bad-" : "good-") + i);
    }
    ids.add("twice"); // the same snapshot twice while both wait: one stored, one duplicate
    ids.add("twice");
    List<Future<PutResult>> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(ids.size());
    try (Connection raw = rawConnection();
        Statement st = raw.createStatement()) {
      st.execute(
          "CREATE TRIGGER refuse_bad BEFORE INSERT ON snapshots WHEN NEW.snapshot_id LIKE 'bad-%'"
              + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
      // Another writer holds the database: the puts queue up behind it and then go in groups.
      st.execute("BEGIN IMMEDIATE");
      for (String id : ids) {
        results.add(pool.submit(() -> store.put(snapshot(id, "21583", "m-" + id, T0), T0)));
      }
      // Not a timing assertion: a shorter wait only makes the groups smaller.
      Thread.sleep(1000);
      st.execute("COMMIT");
      int duplicates = 0;
      for (int i = 0; i < ids.size(); i++) {
        Future<PutResult> f = results.get(i);
        if (ids.get(i).startsWith("bad-")) {
          assertThatThrownBy(() -> f.get(60, TimeUnit.SECONDS))
              .hasCauseInstanceOf(StoreException.class)
              .hasMessageContaining("refused by the test");
        } else if (f.get(60, TimeUnit.SECONDS) == PutResult.DUPLICATE) {
          duplicates++;
        }
      }
      assertThat(duplicates).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.stats().snapshots()).isEqualTo(puts - puts / 8 + 1);
    assertThat(store.get("good-0")).isPresent();
    assertThat(store.get("bad-3")).isEmpty();
  }

  @Test
  void aFileThatIsNotADatabaseIsReportedWithItsPath() throws Exception {
    Path dir = tmp.resolve("bad");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("hatang.db"), "this is not a database, just some text ".repeat(50));
    assertThatThrownBy(() -> Stores.open(null, dir))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(dir.resolve("hatang.db") + ": cannot open the SQLite database: ");
  }

  @Test
  void aDataFolderThatCannotBeMadeIsReported() throws Exception {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> Stores.open(null, file.resolve("sub")))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(file.resolve("sub") + ": cannot use this data folder: ");
  }
}
