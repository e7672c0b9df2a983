package vn.hatang.cli.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code jdbc:postgresql:} URL split into what may be shown and what may not: the URL without its
 * {@code password} parameter (given to the driver and the pool, so that no driver or pool message
 * can echo it), the password (from the URL, else {@code PGPASSWORD}), and a display form with the
 * password replaced by {@code ***}. Immutable.
 *
 * @param url the URL without a password
 * @param password the password, or {@code null}
 * @param display the URL as messages show it
 */
record PostgresUrl(String url, String password, String display) {
  /** What the URL must start with. */
  static final String PREFIX = "jdbc:postgresql:";

  static final String MASK = "***";

  @Override
  public String toString() {
    return display;
  }

  /**
   * Splits a URL.
   *
   * @param text the URL as the user gave it
   * @param env the environment ({@code PGPASSWORD})
   */
  static PostgresUrl parse(String text, Map<String, String> env) {
    int q = text.indexOf('?');
    String base = q < 0 ? text : text.substring(0, q);
    String password = null;
    List<String> kept = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    if (q >= 0) {
      for (String param : text.substring(q + 1).split("&", -1)) {
        String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
        if (name.equals("password")) {
          String value = param.length() > name.length() ? param.substring(name.length() + 1) : "";
          password = URLDecoder.decode(value, StandardCharsets.UTF_8);
          shown.add("password=" + MASK);
        } else {
          kept.add(param);
          shown.add(param);
        }
      }
    }
    if (password == null) {
      String fromEnv = env.get("PGPASSWORD");
      password = fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
    }
    // user:password@host is not pgjdbc syntax, but it must not be shown either.
    String shownBase = base.replaceAll("//[^/@?]*@", "//" + MASK + "@");
    String url = kept.isEmpty() ? base : base + "?" + String.join("&", kept);
    String display = shown.isEmpty() ? shownBase : shownBase + "?" + String.join("&", shown);
    return new PostgresUrl(url, password, display);
  }

  /** The text with every occurrence of the password masked (a driver message, say). */
  String redact(String text) {
    if (text == null || password == null || password.length() < 3) {
      return text;
    }
    return text.replace(password, MASK);
  }
}
