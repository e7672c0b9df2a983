package vn.hatang.core.check;

/**
 * An input that could not be judged.
 *
 * @param source the file as named by the user, or {@code <stdin>}
 * @param where {@code line:col} or a JSON path, or {@code null}
 * @param message what was wrong
 */
public record InputError(String source, String where, Message message) {
  /** {@code source[:where]}. */
  public String place() {
    return where == null ? source : source + ":" + where;
  }
}
