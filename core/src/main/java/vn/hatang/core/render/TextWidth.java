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
    return ofNfc(nfc(text));
  }

  /** A text in NFC: the text itself when it is already (plain ASCII, most cells). */
  static String nfc(String text) {
    return printableAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /** The display width of a text already in NFC. */
  static int ofNfc(String s) {
    if (printableAscii(s)) {
      return s.length(); // one column each
    }
    int width = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      width += columns(cp);
    }
    return width;
  }

  /** Columns of one code point: none for marks, formats and controls, two when wide. */
  private static int columns(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT
        || type == Character.CONTROL) {
      return 0;
    }
    return isWide(cp) ? 2 : 1;
  }

  /** Pads a text on the right to a display width. */
  public static String padRight(String text, int width) {
    String s = nfc(text);
    int pad = width - ofNfc(s);
    return pad <= 0 ? s : s + " ".repeat(pad);
  }

  /** Pads a text on the left to a display width. */
  public static String padLeft(String text, int width) {
    String s = nfc(text);
    int pad = width - ofNfc(s);
    return pad <= 0 ? s : " ".repeat(pad) + s;
  }

  /** Cuts a text to at most {@code width} columns, ending with "…" when cut. */
  public static String truncate(String text, int width) {
    return truncateNfc(nfc(text), width);
  }

  /** {@link #truncate} of a text already in NFC. */
  static String truncateNfc(String s, int width) {
    if (printableAscii(s)) {
      return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }
    if (ofNfc(s) <= width) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int cw = columns(cp);
      if (w + cw > width - 1) {
        break;
      }
      out.appendCodePoint(cp);
      w += cw;
      i += Character.charCount(cp);
    }
    return out.append('…').toString();
  }

  /** Only characters from space to tilde: already NFC, one column each. */
  private static boolean printableAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
    }
    return true;
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
