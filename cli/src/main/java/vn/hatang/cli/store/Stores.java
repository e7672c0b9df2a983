package vn.hatang.cli.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** Opens the store the options name: PostgreSQL for a {@code --db} URL, else SQLite in a folder. */
public final class Stores {
  private Stores() {}

  /** {@link #open(String, Path, Map)} with this process's environment. */
  public static Store open(String dbUrl, Path dataDir) throws StoreException {
    return open(dbUrl, dataDir, System.getenv());
  }

  /**
   * Opens a store, creating its tables (or migrating them) as needed.
   *
   * @param dbUrl a {@code jdbc:postgresql://HOST[:PORT]/DATABASE?user=...} URL, or {@code null} for
   *     SQLite
   * @param dataDir the SQLite folder ({@code hatang.db} in it, created when missing); unused with a
   *     URL
   * @param env the environment: {@code PGPASSWORD} when the URL has no password
   * @throws StoreException with a message fit for the user (never holding the password)
   */
  public static Store open(String dbUrl, Path dataDir, Map<String, String> env)
      throws StoreException {
    if (dbUrl != null) {
      return PostgresStore.open(dbUrl, env);
    }
    return SqliteStore.open(Objects.requireNonNull(dataDir, "dataDir"));
  }
}
