package vn.hatang.cli.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQL both stores share: the schema and its migrations, the queries, the mapping of rows.
 * Subclasses say how a connection is had for reading and for a write transaction. Times are kept as
 * epoch milliseconds ({@code BIGINT}), so instants come back truncated to the millisecond.
 * Concurrent {@link #put}s are committed in groups: one transaction, one durable commit, for all
 * the snapshots waiting at that moment, each put returning once its group committed. Thread-safe
 * when the subclass's connection handling is.
 */
abstract class JdbcStore implements Store {
  /** The schema version this code writes; a store with a higher one is refused. */
  static final int SCHEMA_VERSION = 1;

  /** Most entries one {@link #list} call returns. */
  static final int MAX_LIMIT = 1000;

  private static final String COLUMNS =
      "seq, snapshot_id, unit_code, machine_id, taken_at, received_at, size_bytes, sha256, json";

  /** Most snapshots one group commit inserts. */
  static final int MAX_GROUP = 64;

  /** Puts waiting for a group commit, oldest first. */
  private final ConcurrentLinkedQueue<PendingPut> pending = new ConcurrentLinkedQueue<>();

  /** Held by the thread committing a group of puts (see {@link #put}). */
  private final ReentrantLock committer = new ReentrantLock();

  private static final String TOKEN_COLUMNS =
      "id, sha256, scope, unit_code, label, created_at, expires_at, revoked_at";

  /** Work on a connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs the work in a transaction committed before this returns (rolled back on failure). */
  abstract <T> T inWriteTransaction(SqlWork<T> work) throws SQLException;

  /** Runs read-only work (one statement each here, so no transaction is needed). */
  abstract <T> T reading(SqlWork<T> work) throws SQLException;

  /**
   * Called in the put transaction before the insert. PostgreSQL takes a lock there so that sequence
   * numbers are committed in order (see {@link PostgresStore}).
   */
  void beforeInsert(Connection connection) throws SQLException {}

  /**
   * SQL that turns a parameter bound as UTF-8 bytes into the text column's value: the collector
   * stores the body as received, without decoding it to a Java string and encoding it again.
   */
  abstract String textFromUtf8();

  /** Whether a table of this name is where unqualified names resolve to. */
  abstract boolean hasTable(Connection c, String name) throws SQLException;

  /** The column definition of {@code seq}: an ever-growing integer key. */
  abstract String seqColumn();

  /**
   * Statements bringing the schema from version {@code v - 1} to {@code v}, for {@code v} from 1 to
   * {@link #SCHEMA_VERSION}. Never edit a published step: add the next one.
   */
  final List<List<String>> migrations() {
    return List.of(
        List.of(
            "CREATE TABLE snapshots ("
                + seqColumn()
                + ", snapshot_id TEXT NOT NULL UNIQUE"
                + ", unit_code TEXT"
                + ", machine_id TEXT NOT NULL"
                + ", taken_at BIGINT NOT NULL"
                + ", received_at BIGINT NOT NULL"
                + ", size_bytes BIGINT NOT NULL"
                + ", sha256 TEXT NOT NULL"
                + ", json TEXT NOT NULL)",
            "CREATE INDEX snapshots_unit_seq ON snapshots (unit_code, seq)",
            "CREATE INDEX snapshots_unit_machine_taken ON snapshots (unit_code, machine_id, taken_at)",
            "CREATE TABLE tokens ("
                + "id TEXT PRIMARY KEY"
                + ", sha256 TEXT NOT NULL UNIQUE"
                + ", scope TEXT NOT NULL CHECK (scope IN ('upload', 'read'))"
                + ", unit_code TEXT"
                + ", label TEXT"
                + ", created_at BIGINT NOT NULL"
                + ", expires_at BIGINT"
                + ", revoked_at BIGINT)"));
  }

  /**
   * Brings the schema up to {@link #SCHEMA_VERSION}; the caller runs this in one write transaction
   * and keeps other processes from migrating at the same time. A store written by a newer hatang is
   * left alone.
   *
   * @return the version the store had before
   */
  final int migrate(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      int found = 0;
      // Looked up rather than CREATE TABLE IF NOT EXISTS: that needs the right to create tables
      // even when the table exists, which a database user who does not own the schema lacks.
      if (hasTable(c, "schema_version")) {
        try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
          rs.next();
          found = rs.getInt(1);
        }
      } else {
        st.execute(
            "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
      }
      List<List<String>> steps = migrations();
      for (int v = found + 1; v <= SCHEMA_VERSION; v++) {
        for (String sql : steps.get(v - 1)) {
          st.execute(sql);
        }
        try (PreparedStatement ps =
            c.prepareStatement("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
          ps.setInt(1, v);
          ps.setLong(2, System.currentTimeMillis());
          ps.executeUpdate();
        }
      }
      return found;
    }
  }

  /** Refuses a store whose schema is newer than this code's. */
  static void checkVersion(int found, String where) throws StoreException {
    if (found > SCHEMA_VERSION) {
      throw new StoreException(
          null,
          "store.newerSchema",
          where,
          Integer.toString(found),
          Integer.toString(SCHEMA_VERSION));
    }
  }

  /** Wraps a driver failure; the message names the store, never a password. */
  StoreException failed(SQLException e) {
    return new StoreException(e, "store.failed", kind(), reason(e));
  }

  static String reason(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  @Override
  public PutResult put(NewSnapshot s, Instant receivedAt) throws StoreException {
    Objects.requireNonNull(s.snapshotId(), "snapshotId");
    Objects.requireNonNull(s.machineId(), "machineId");
    Objects.requireNonNull(s.takenAt(), "takenAt");
    Objects.requireNonNull(s.utf8(), "utf8");
    Objects.requireNonNull(receivedAt, "receivedAt");
    PendingPut mine = new PendingPut(s, receivedAt, s.utf8().length, Tokens.sha256Hex(s.utf8()));
    pending.add(mine);
    // Group commit: whoever holds the committer lock inserts every put waiting at that moment in
    // one transaction; the others find theirs done when they get the lock. While one group
    // commits (one fsync), the next one gathers.
    committer.lock();
    try {
      while (!mine.done) {
        List<PendingPut> group = new ArrayList<>();
        PendingPut p;
        while (group.size() < MAX_GROUP && (p = pending.poll()) != null) {
          group.add(p);
        }
        commit(group);
      }
    } finally {
      committer.unlock();
    }
    if (mine.failure instanceof SQLException e) {
      throw failed(e);
    }
    if (mine.failure instanceof RuntimeException e) {
      throw e;
    }
    return mine.result;
  }

  /**
   * Inserts a group in one transaction and marks each put done; when that transaction fails, each
   * put is tried again alone, so that one bad row fails only its own upload. Called under {@link
   * #committer}.
   */
  private void commit(List<PendingPut> group) {
    try {
      List<PutResult> results = inWriteTransaction(c -> insert(c, group));
      for (int i = 0; i < group.size(); i++) {
        group.get(i).finish(results.get(i), null);
      }
    } catch (SQLException | RuntimeException e) {
      if (group.size() == 1) {
        group.get(0).finish(null, e);
        return;
      }
      for (PendingPut p : group) {
        try {
          p.finish(inWriteTransaction(c -> insert(c, List.of(p))).get(0), null);
        } catch (SQLException | RuntimeException alone) {
          p.finish(null, alone);
        }
      }
    }
  }

  private List<PutResult> insert(Connection c, List<PendingPut> group) throws SQLException {
    beforeInsert(c);
    List<PutResult> results = new ArrayList<>(group.size());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO snapshots (snapshot_id, unit_code, machine_id, taken_at,"
                + " received_at, size_bytes, sha256, json)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, "
                + textFromUtf8()
                + ")"
                + " ON CONFLICT (snapshot_id) DO NOTHING")) {
      for (PendingPut p : group) {
        NewSnapshot s = p.snapshot;
        ps.setString(1, s.snapshotId());
        setNullableString(ps, 2, s.unitCode());
        ps.setString(3, s.machineId());
        ps.setLong(4, s.takenAt().toEpochMilli());
        ps.setLong(5, p.receivedAt.toEpochMilli());
        ps.setLong(6, p.sizeBytes);
        ps.setString(7, p.sha256);
        ps.setBytes(8, s.utf8());
        ps.addBatch();
      }
      // One round trip to PostgreSQL for the whole group. The same id twice in one group: the
      // first inserts, the second finds it (duplicate).
      for (int count : ps.executeBatch()) {
        if (count != 0 && count != 1) {
          throw new SQLException("unexpected insert count " + count);
        }
        results.add(count == 1 ? PutResult.STORED : PutResult.DUPLICATE);
      }
    }
    return results;
  }

  /** A put waiting for its group's commit; {@code done} and the outcome are guarded by the lock. */
  private static final class PendingPut {
    final NewSnapshot snapshot;
    final Instant receivedAt;
    final long sizeBytes;
    final String sha256;
    boolean done;
    PutResult result;
    Exception failure;

    PendingPut(NewSnapshot snapshot, Instant receivedAt, long sizeBytes, String sha256) {
      this.snapshot = snapshot;
      this.receivedAt = receivedAt;
      this.sizeBytes = sizeBytes;
      this.sha256 = sha256;
    }

    void finish(PutResult result, Exception failure) {
      this.result = result;
      this.failure = failure;
      this.done = true;
    }
  }

  @Override
  public Page list(String unitCode, Instant sinceTakenAt, long afterSeq, int limit)
      throws StoreException {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit " + limit + " is not within 1.." + MAX_LIMIT);
    }
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM snapshots WHERE seq > ?");
    if (unitCode != null) {
      sql.append(" AND unit_code = ?");
    }
    if (sinceTakenAt != null) {
      sql.append(" AND taken_at >= ?");
    }
    // One more than asked: whether it exists says if there is a next page.
    sql.append(" ORDER BY seq LIMIT ?");
    try {
      List<Entry> rows =
          reading(
              c -> {
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                  int i = 1;
                  ps.setLong(i++, afterSeq);
                  if (unitCode != null) {
                    ps.setString(i++, unitCode);
                  }
                  if (sinceTakenAt != null) {
                    ps.setLong(i++, sinceTakenAt.toEpochMilli());
                  }
                  ps.setInt(i, limit + 1);
                  return entries(ps);
                }
              });
      if (rows.size() > limit) {
        List<Entry> page = List.copyOf(rows.subList(0, limit));
        return new Page(page, page.get(limit - 1).seq());
      }
      return new Page(List.copyOf(rows), null);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public List<Entry> latestPerMachine(String unitCode) throws StoreException {
    Objects.requireNonNull(unitCode, "unitCode");
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM (SELECT "
            + COLUMNS
            + ", ROW_NUMBER() OVER (PARTITION BY machine_id ORDER BY taken_at DESC, seq DESC) AS rn"
            + " FROM snapshots WHERE unit_code = ?) latest WHERE rn = 1 ORDER BY machine_id";
    try {
      return reading(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              ps.setString(1, unitCode);
              return List.copyOf(entries(ps));
            }
          });
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Optional<Entry> get(String snapshotId) throws StoreException {
    Objects.requireNonNull(snapshotId, "snapshotId");
    try {
      return reading(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM snapshots WHERE snapshot_id = ?")) {
              ps.setString(1, snapshotId);
              return entries(ps).stream().findFirst();
            }
          });
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Stats stats() throws StoreException {
    try {
      return reading(
          c -> {
            try (Statement st = c.createStatement();
                ResultSet rs =
                    st.executeQuery(
                        "SELECT COUNT(*), COALESCE(SUM(size_bytes), 0) FROM snapshots")) {
              rs.next();
              return new Stats(rs.getLong(1), rs.getLong(2));
            }
          });
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void addToken(Token t) throws StoreException {
    Objects.requireNonNull(t.id(), "id");
    Objects.requireNonNull(t.sha256(), "sha256");
    Objects.requireNonNull(t.scope(), "scope");
    Objects.requireNonNull(t.createdAt(), "createdAt");
    try {
      inWriteTransaction(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO tokens (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
              ps.setString(1, t.id());
              ps.setString(2, t.sha256());
              ps.setString(3, t.scope());
              setNullableString(ps, 4, t.unitCode());
              setNullableString(ps, 5, t.label());
              ps.setLong(6, t.createdAt().toEpochMilli());
              setNullableInstant(ps, 7, t.expiresAt());
              setNullableInstant(ps, 8, t.revokedAt());
              return ps.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public Optional<Token> tokenByHash(String sha256Hex) throws StoreException {
    Objects.requireNonNull(sha256Hex, "sha256Hex");
    try {
      return reading(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM tokens WHERE sha256 = ?")) {
              ps.setString(1, sha256Hex);
              return tokens(ps).stream().findFirst();
            }
          });
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public List<Token> tokens() throws StoreException {
    try {
      return reading(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT " + TOKEN_COLUMNS + " FROM tokens ORDER BY created_at, id")) {
              return List.copyOf(tokens(ps));
            }
          });
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean revokeToken(String id, Instant at) throws StoreException {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    try {
      // A token revoked earlier keeps its first revocation time.
      int updated =
          inWriteTransaction(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?")) {
                  ps.setLong(1, at.toEpochMilli());
                  ps.setString(2, id);
                  return ps.executeUpdate();
                }
              });
      return updated == 1;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private static List<Entry> entries(PreparedStatement ps) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Entry(
                rs.getLong("seq"),
                rs.getString("snapshot_id"),
                rs.getString("unit_code"),
                rs.getString("machine_id"),
                Instant.ofEpochMilli(rs.getLong("taken_at")),
                Instant.ofEpochMilli(rs.getLong("received_at")),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getString("json")));
      }
    }
    return out;
  }

  private static List<Token> tokens(PreparedStatement ps) throws SQLException {
    List<Token> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Token(
                rs.getString("id"),
                rs.getString("sha256"),
                rs.getString("scope"),
                rs.getString("unit_code"),
                rs.getString("label"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                nullableInstant(rs, "expires_at"),
                nullableInstant(rs, "revoked_at")));
      }
    }
    return out;
  }

  private static Instant nullableInstant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static void setNullableString(PreparedStatement ps, int i, String value)
      throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, value);
    }
  }

  private static void setNullableInstant(PreparedStatement ps, int i, Instant value)
      throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, value.toEpochMilli());
    }
  }
}
