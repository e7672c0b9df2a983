package vn.hatang.core.standard;

import java.util.List;

/**
 * One problem in a standards or reference file, at a place: {@code file:line:col: message}.
 *
 * @param file the file as the user named it
 * @param line 1-based line, 0 when the problem concerns the whole file
 * @param column 1-based column, 0 when unknown
 * @param key message key in the core bundle
 * @param args message arguments
 */
public record Problem(String file, int line, int column, String key, List<Object> args) {
  public Problem {
    args = List.copyOf(args);
  }

  /** The {@code file:line:col} prefix. */
  public String place() {
    return line <= 0 ? file : file + ":" + line + ":" + column;
  }
}
