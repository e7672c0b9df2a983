package vn.hatang.cli.source;

import java.util.List;

/** A source that cannot be read: a message key of the cli bundle and its arguments. */
public final class SourceException extends Exception {
  private final String key;
  private final List<Object> args;

  public SourceException(String key, Object... args) {
    super(key + " " + List.of(args));
    this.key = key;
    this.args = List.of(args);
  }

  public String key() {
    return key;
  }

  public List<Object> args() {
    return args;
  }
}
