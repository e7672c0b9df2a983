package vn.hatang.cli.command;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;
import vn.hatang.cli.UserException;
import vn.hatang.cli.store.Store;
import vn.hatang.cli.store.StoreException;
import vn.hatang.cli.store.Stores;
import vn.hatang.core.ExitCode;

/**
 * Where the store is: {@code --data DIR} (SQLite, {@code DIR/hatang.db}; default {@code
 * HATANG_DATA}, else {@code ./hatang-data}) or {@code --db JDBC_URL} (PostgreSQL; default {@code
 * HATANG_DB}).
 */
public final class StoreOptions {
  /** The data folder when neither {@code --data} nor {@code HATANG_DATA} names one. */
  public static final String DEFAULT_DATA_DIR = "hatang-data";

  @Option(names = "--data", paramLabel = "DIR", descriptionKey = "store.data")
  Path data;

  @Option(names = "--db", paramLabel = "JDBC_URL", descriptionKey = "store.db")
  String db;

  /**
   * Opens the store.
   *
   * @throws UserException exit 2 for both options at once, exit 4 when the store cannot be opened
   */
  public Store open(Map<String, String> env) {
    if (data != null && db != null) {
      throw new UserException(ExitCode.USAGE, "store.dataAndDb");
    }
    String url = db;
    if (url == null && data == null) {
      url = nonBlank(env.get("HATANG_DB"));
    }
    Path dir = data;
    if (dir == null) {
      String fromEnv = nonBlank(env.get("HATANG_DATA"));
      dir = Path.of(fromEnv != null ? fromEnv : DEFAULT_DATA_DIR);
    }
    try {
      return Stores.open(url, dir, env);
    } catch (StoreException e) {
      throw failed(e);
    }
  }

  /** The user-facing error (exit 4) for a store failure. */
  public static UserException failed(StoreException e) {
    return e.key()
        .map(key -> new UserException(ExitCode.INTERNAL, key, e.args().toArray()))
        .orElseGet(() -> new UserException(ExitCode.INTERNAL, "store.error", e.getMessage()));
  }

  private static String nonBlank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
