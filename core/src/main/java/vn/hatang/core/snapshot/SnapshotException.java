package vn.hatang.core.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot that cannot be accepted: where ({@code source} and a {@code line:col} or JSON path)
 * and why (a message key in the core bundle, with its arguments).
 */
public final class SnapshotException extends Exception {
  private final String source;
  private final String where;
  private final String key;
  private final List<Object> args;

  /**
   * @param source file name or {@code <stdin>}
   * @param where {@code line:col}, a JSON path ({@code $.memory.totalBytes}), or {@code null}
   * @param key message key in {@code vn.hatang.core.messages}
   * @param args message arguments
   */
  public SnapshotException(String source, String where, String key, Object... args) {
    super(source + (where == null ? "" : ":" + where) + ": " + key);
    this.source = Objects.requireNonNull(source);
    this.where = where;
    this.key = Objects.requireNonNull(key);
    this.args = List.of(args);
  }

  public String source() {
    return source;
  }

  /** {@code line:col}, a JSON path, or {@code null}. */
  public String where() {
    return where;
  }

  public String key() {
    return key;
  }

  public List<Object> args() {
    return args;
  }
}
