package vn.hatang.agent.hardware;

import java.util.Locale;
import java.util.Set;

/**
 * Translates OSHI's sentinels ({@code "unknown"}, {@code ""}, {@code 0}, {@code -1}) into {@code
 * null} at our boundary, so a value that could not be read is never mistaken for a reading.
 */
final class OshiValues {
  private static final Set<String> UNKNOWN =
      Set.of("", "unknown", "n/a", "na", "not specified", "not available", "default string");

  private OshiValues() {}

  /** The trimmed text, or {@code null} when it is empty or one of OSHI's "unknown" sentinels. */
  static String text(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return UNKNOWN.contains(trimmed.toLowerCase(Locale.ROOT)) ? null : trimmed;
  }

  /** The value, or {@code null} when it is zero or negative. */
  static Long positive(long value) {
    return value > 0 ? value : null;
  }

  /** The value, or {@code null} when it is zero or negative. */
  static Integer positive(int value) {
    return value > 0 ? value : null;
  }

  /** A decimal integer, or {@code null} when the text is not one. */
  static Integer decimal(String value) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
