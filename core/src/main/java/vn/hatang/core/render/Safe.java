package vn.hatang.core.render;

/**
 * Neutralises untrusted text (snapshots come from thousands of PCs) for a terminal: control
 * characters, including the ESC of ANSI sequences, become U+FFFD, so a hostname cannot recolour or
 * rewrite the screen.
 */
public final class Safe {
  private Safe() {}

  /** Text fit for one cell of a terminal table. */
  public static String text(String s) {
    if (s == null) {
      return "";
    }
    int first = 0;
    while (first < s.length() && !unsafe(s.charAt(first))) {
      first++;
    }
    if (first == s.length()) {
      return s; // nearly every cell: nothing to replace
    }
    // Per char is per code point here: a surrogate is neither a control nor in the ranges below.
    StringBuilder out = new StringBuilder(s.length()).append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(unsafe(c) ? '\uFFFD' : c);
    }
    return out.toString();
  }

  /** A control character, a line or paragraph separator, or a bidirectional override. */
  private static boolean unsafe(char c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || c == 0x2028
        || c == 0x2029
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }

  /**
   * A CSV cell: a text starting with {@code = + - @}, tab or carriage return is prefixed with an
   * apostrophe so spreadsheets do not run it as a formula (OWASP CSV injection).
   */
  public static String csvCell(String s) {
    if (s == null) {
      return "";
    }
    String t = s;
    if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) {
      t = "'" + t;
    }
    if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
      t = "\"" + t.replace("\"", "\"\"") + "\"";
    }
    return t;
  }
}
