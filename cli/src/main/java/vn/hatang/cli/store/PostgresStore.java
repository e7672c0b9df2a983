package vn.hatang.cli.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The PostgreSQL store. Connections come from a HikariCP pool: a collector serves many uploads at
 * once, a new PostgreSQL connection costs a server process and an authentication round trip, and
 * the pool also replaces connections the server dropped (a restart, a failover). Every insert of a
 * snapshot takes one transaction-scoped advisory lock first, so that sequence numbers are committed
 * in the order they are drawn: without it, a reader paging by {@code seq} could pass a number whose
 * row commits a moment later and never see that row. The price is one commit at a time; {@link
 * JdbcStore#put} puts the uploads waiting meanwhile into the next commit (group commit).
 * Thread-safe.
 */
final class PostgresStore extends JdbcStore {
  /** Advisory lock held while a snapshot is inserted ("hata"). */
  static final long INSERT_LOCK = 0x68617461L;

  /** Advisory lock held while the schema is migrated ("hatm"). */
  static final long MIGRATE_LOCK = 0x6861746dL;

  /** Most connections the pool opens. */
  static final int POOL_SIZE = 10;

  private final PostgresUrl url;
  private final HikariDataSource pool;

  private PostgresStore(PostgresUrl url, HikariDataSource pool) {
    this.url = url;
    this.pool = pool;
  }

  /**
   * Connects, brings the schema up to date and starts the pool.
   *
   * @param text a {@code jdbc:postgresql://} URL; its password, or {@code PGPASSWORD}, is used but
   *     never shown
   * @param env the environment ({@code PGPASSWORD})
   * @throws StoreException for a malformed URL, an unreachable server, a refused login
   */
  static PostgresStore open(String text, Map<String, String> env) throws StoreException {
    PostgresUrl url = PostgresUrl.parse(text, env);
    if (!url.url().startsWith(PostgresUrl.PREFIX) || Driver.parseURL(url.url(), null) == null) {
      throw new StoreException(null, "store.badUrl", url.display());
    }
    Properties info = new Properties();
    info.setProperty("ApplicationName", "hatang");
    if (url.password() != null) {
      info.setProperty("password", url.password());
    }
    // A first connection of our own: a clear error for the user (the pool would log a stack
    // trace), and the migration before any pooled connection is used.
    int found;
    try (Connection c = new Driver().connect(url.url(), info)) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("SELECT pg_advisory_xact_lock(" + MIGRATE_LOCK + ")");
      }
      PostgresStore schema = new PostgresStore(url, null);
      try {
        found = schema.migrate(c);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(e, "store.unreachable", url.display(), url.redact(reason(e)));
    }
    checkVersion(found, url.display());
    HikariConfig config = new HikariConfig();
    config.setPoolName("hatang-store");
    config.setDriverClassName(Driver.class.getName());
    config.setJdbcUrl(url.url());
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    config.addDataSourceProperty("ApplicationName", "hatang");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    // Reached a moment ago: a server that goes away later is a failed request, not a failed start.
    config.setInitializationFailTimeout(-1);
    return new PostgresStore(url, new HikariDataSource(config));
  }

  @Override
  public String kind() {
    return "postgresql";
  }

  @Override
  String textFromUtf8() {
    return "convert_from(?, 'UTF8')";
  }

  @Override
  String seqColumn() {
    return "seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
  }

  @Override
  boolean hasTable(Connection c, String name) throws SQLException {
    // to_regclass resolves the name through the search path, as the queries will.
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  @Override
  StoreException failed(SQLException e) {
    return new StoreException(e, "store.failed", kind(), url.redact(reason(e)));
  }

  @Override
  void beforeInsert(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("SELECT pg_advisory_xact_lock(" + INSERT_LOCK + ")");
    }
  }

  @Override
  <T> T inWriteTransaction(SqlWork<T> work) throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    }
  }

  @Override
  <T> T reading(SqlWork<T> work) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
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
    pool.close();
  }
}
