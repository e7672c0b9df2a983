package vn.hatang.core.standard;

import java.util.Locale;

/**
 * A text in Vietnamese and English, as standards carry it.
 *
 * @param vi Vietnamese text
 * @param en English text
 */
public record LocalizedText(String vi, String en) {

  /**
   * The text for a locale: Vietnamese for {@code vi}, English otherwise; falls back to the other.
   */
  public String in(Locale locale) {
    boolean wantVi = "vi".equals(locale.getLanguage());
    String first = wantVi ? vi : en;
    String second = wantVi ? en : vi;
    return first != null && !first.isBlank() ? first : second;
  }
}
