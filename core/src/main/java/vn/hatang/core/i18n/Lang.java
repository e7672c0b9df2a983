package vn.hatang.core.i18n;

import java.util.Locale;
import java.util.Map;

/**
 * Chooses the language of the output: {@code --lang}, else {@code HATANG_LANG}, {@code LC_ALL},
 * {@code LC_MESSAGES}, {@code LANG} (the POSIX order), else English. Read by hand because machines
 * with only the C locale make the JVM report English for {@code LANG=vi_VN.UTF-8}.
 */
public final class Lang {
  /** Vietnamese. */
  public static final Locale VI = Locale.forLanguageTag("vi");

  private Lang() {}

  /**
   * @param flag the {@code --lang} value, or {@code null}
   * @param env the environment
   * @return {@link #VI} or {@link Locale#ENGLISH}
   * @throws IllegalArgumentException when the flag names another language
   */
  public static Locale resolve(String flag, Map<String, String> env) {
    if (flag != null) {
      Locale locale = parse(flag);
      if (locale == null) {
        throw new IllegalArgumentException(flag);
      }
      return locale;
    }
    for (String name : new String[] {"HATANG_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        Locale locale = parse(value);
        return locale == null ? Locale.ENGLISH : locale;
      }
    }
    return Locale.ENGLISH;
  }

  private static Locale parse(String value) {
    String lang = value.trim().toLowerCase(Locale.ROOT);
    if (lang.startsWith("vi")) {
      return VI;
    }
    if (lang.startsWith("en")
        || lang.equals("c")
        || lang.startsWith("c.")
        || lang.equals("posix")) {
      return Locale.ENGLISH;
    }
    return null;
  }
}
