package vn.hatang.core.render;

import java.text.Normalizer;

/**
 * How many terminal columns a text takes: combining marks take none (Vietnamese typed in decomposed
 * form stays aligned), East Asian wide characters take two. Texts are normalised to NFC first so
 * that a precomposed "ệ" and "e" + two marks are the same width.
 */
public final class TextWidth {
  private TextWidth() {}

  /** The display width of a text. */
  public static int of(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    int width = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.FORMAT
          || type == Character.CONTROL) {
        continue;
      }
      width += isWide(cp) ? 2 : 1;
    }
    return width;
  }

  /** Pads a text on the right to a display width. */
  public static String padRight(String text, int width) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    int pad = width - of(s);
    return pad <= 0 ? s : s + " ".repeat(pad);
  }

  /** Pads a text on the left to a display width. */
  public static String padLeft(String text, int width) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    int pad = width - of(s);
    return pad <= 0 ? s : " ".repeat(pad) + s;
  }

  /** Cuts a text to at most {@code width} columns, ending with "…" when cut. */
  public static String truncate(String text, int width) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC);
    if (of(s) <= width) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int cw = of(new String(Character.toChars(cp)));
      if (w + cw > width - 1) {
        break;
      }
      out.appendCodePoint(cp);
      w += cw;
      i += Character.charCount(cp);
    }
    return out.append('…').toString();
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1FAFF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
