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
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              int type = Character.getType(cp);
              boolean bad =
                  type == Character.CONTROL
                      || cp == 0x2028
                      || cp == 0x2029
                      || (cp >= 0x202A && cp <= 0x202E)
                      || (cp >= 0x2066 && cp <= 0x2069);
              out.appendCodePoint(bad ? 0xFFFD : cp);
            });
    return out.toString();
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
