package vn.hatang.cli.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite store, {@code DIR/hatang.db}: WAL journal, {@code synchronous=FULL} (a commit is on
 * disk before {@link #put} returns). All writes of this process go through one connection, one at a
 * time (a lock), so that concurrent uploads queue in Java instead of meeting {@code SQLITE_BUSY};
 * another process writing the same file (say {@code hatang tokens create} while {@code hatang
 * serve} runs) is waited for up to {@link #BUSY_TIMEOUT_MS}. Reads use a few other connections,
 * which WAL lets run beside the writer. Thread-safe.
 *
 * <p>Checkpoints (copying the WAL into the database file, with its own fsync) run on a background
 * thread every {@link #CHECKPOINT_MILLIS} instead of inside the commit that crosses SQLite's
 * automatic threshold: that commit held the write lock for the whole copy, and every upload waiting
 * behind it with it (the collector's slowest answers). Durability does not change: a commit is
 * durable once its WAL frames are synced, checkpointed or not.
 */
final class SqliteStore extends JdbcStore {
  /** The database file's name in the data folder. */
  static final String FILE_NAME = "hatang.db";

  /** How long a statement waits for another process's write lock, in milliseconds. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  /** Read connections. */
  static final int READERS = 4;

  private static final long READER_WAIT_SECONDS = 30;

  /** Interval of the background checkpoints, in milliseconds. */
  static final long CHECKPOINT_MILLIS = 500;

  private final Path file;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Connection writer;
  private final BlockingQueue<Connection> readers;
  private final Connection checkpointer;
  private final ScheduledExecutorService checkpoints;
  private volatile boolean closed;

  private SqliteStore(
      Path file, Connection writer, List<Connection> readers, Connection checkpointer) {
    this.file = file;
    this.writer = writer;
    this.readers = new ArrayBlockingQueue<>(readers.size(), false, readers);
    this.checkpointer = checkpointer;
    this.checkpoints =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hatang-sqlite-checkpoint");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts the background checkpoints, once the store is open. */
  private void startCheckpoints() {
    checkpoints.scheduleWithFixedDelay(
        this::checkpoint, CHECKPOINT_MILLIS, CHECKPOINT_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Copies what it can of the WAL into the database file without waiting for readers or the writer
   * (PASSIVE); the writer starts the WAL over once all of it is copied.
   */
  private void checkpoint() {
    if (closed) {
      return;
    }
    try (Statement st = checkpointer.createStatement()) {
      st.execute("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (SQLException e) {
      // Next time; a WAL that grows meanwhile is still durable and still read.
    }
  }

  /**
   * Opens (creating when missing) {@code dataDir/hatang.db} and brings its schema up to date.
   *
   * @throws StoreException when the folder or the file cannot be used
   */
  static SqliteStore open(Path dataDir) throws StoreException {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException(e, "store.dataDirUnusable", dataDir.toString(), reason(e));
    }
    Path file = dataDir.resolve(FILE_NAME);
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    List<Connection> opened = new ArrayList<>();
    try {
      SQLiteConfig writeConfig = new SQLiteConfig();
      writeConfig.setJournalMode(SQLiteConfig.JournalMode.WAL);
      writeConfig.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      writeConfig.setBusyTimeout(BUSY_TIMEOUT_MS);
      Connection writer = writeConfig.createConnection(url);
      opened.add(writer);
      try (Statement st = writer.createStatement();
          ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
        String mode = rs.next() ? rs.getString(1) : "?";
        if (!"wal".equalsIgnoreCase(mode)) {
          throw new StoreException(null, "store.noWal", file.toString(), mode);
        }
      }
      try (Statement st = writer.createStatement()) {
        st.execute("PRAGMA wal_autocheckpoint = 0"); // the background thread does it
      }
      SQLiteConfig checkpointConfig = new SQLiteConfig();
      checkpointConfig.setBusyTimeout(BUSY_TIMEOUT_MS);
      Connection checkpointer = checkpointConfig.createConnection(url);
      opened.add(checkpointer);
      List<Connection> readers = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        SQLiteConfig readConfig = new SQLiteConfig();
        readConfig.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection reader = readConfig.createConnection(url);
        opened.add(reader);
        try (Statement st = reader.createStatement()) {
          st.execute("PRAGMA query_only = 1");
        }
        readers.add(reader);
      }
      SqliteStore store = new SqliteStore(file, writer, readers, checkpointer);
      int found = store.inWriteTransaction(store::migrate);
      checkVersion(found, file.toString());
      store.startCheckpoints();
      return store;
    } catch (SQLException e) {
      closeAll(opened);
      throw new StoreException(e, "store.cannotOpen", file.toString(), reason(e));
    } catch (StoreException | RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  @Override
  public String kind() {
    return "sqlite";
  }

  /** The database file. */
  Path file() {
    return file;
  }

  @Override
  String textFromUtf8() {
    return "CAST(? AS TEXT)";
  }

  @Override
  String seqColumn() {
    // AUTOINCREMENT: a sequence is never given twice, even after the largest row is deleted.
    return "seq INTEGER PRIMARY KEY AUTOINCREMENT";
  }

  @Override
  boolean hasTable(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  <T> T inWriteTransaction(SqlWork<T> work) throws SQLException {
    writeLock.lock();
    try {
      if (closed) {
        throw new SQLException("the store is closed");
      }
      // The connection stays in auto-commit mode: the driver would otherwise open the next
      // transaction right after each commit, holding the file's lock between writes.
      try (Statement st = writer.createStatement()) {
        st.execute("BEGIN IMMEDIATE");
        T result;
        try {
          result = work.run(writer);
        } catch (SQLException | RuntimeException e) {
          try {
            st.execute("ROLLBACK");
          } catch (SQLException rollback) {
            e.addSuppressed(rollback);
          }
          throw e;
        }
        st.execute("COMMIT");
        return result;
      }
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  <T> T reading(SqlWork<T> work) throws SQLException {
    if (closed) {
      throw new SQLException("the store is closed");
    }
    Connection c;
    try {
      c = readers.poll(READER_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a read connection", e);
    }
    if (c == null) {
      throw new SQLException("no read connection free after " + READER_WAIT_SECONDS + " s");
    }
    try {
      return work.run(c);
    } finally {
      readers.add(c);
    }
  }

  @Override
  public boolean healthy() {
    try {
      return reading(
          c -> {
            try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
              return rs.next() && rs.getInt(1) > 0;
            }
          });
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    checkpoints.shutdown();
    try {
      checkpoints.awaitTermination(READER_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      List<Connection> all = new ArrayList<>();
      all.add(writer);
      all.add(checkpointer);
      // Readers in use come back when their query ends; wait for them briefly.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READER_WAIT_SECONDS);
      for (int i = 0; i < READERS; i++) {
        try {
          Connection c = readers.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          if (c != null) {
            all.add(c);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      // The writer last: the last connection to close checkpoints the WAL into the file.
      all.add(all.remove(0));
      closeAll(all);
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeAll(List<Connection> connections) {
    for (Connection c : connections) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Closing: nothing more to do with a connection that will not close.
      }
    }
  }
}
