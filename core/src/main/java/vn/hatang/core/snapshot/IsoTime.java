package vn.hatang.core.snapshot;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads a snapshot's {@code takenAt}: the shape the schema allows ({@code 2026-11-25T09:30:00.123
 * +07:00}, seconds and fraction optional, {@code Z} or an offset) read digit by digit; anything
 * else by {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, which decides. Same value, same
 * exceptions as that formatter: {@code OffsetDateTime.of} refuses what it refuses (month 13, hour
 * 24, second 60, an offset past 18 hours). Read once per snapshot: the formatter's general parser
 * costs more than the rest of the header.
 */
final class IsoTime {
  private IsoTime() {}

  static OffsetDateTime parse(String text) {
    int n = text.length();
    // yyyy-MM-ddTHH:mm, then [:ss[.f{1,9}]], then Z or +HH:MM
    if (!startsAsDateTime(text)) {
      return slow(text);
    }
    int i = 16;
    int second = 0;
    int nano = 0;
    if (i < n && text.charAt(i) == ':') {
      if (!digits(text, i + 1, 2)) {
        return slow(text);
      }
      second = number(text, i + 1, 2);
      i += 3;
      if (i < n && text.charAt(i) == '.') {
        int start = ++i;
        while (i < n && i - start < 9 && isDigit(text.charAt(i))) {
          nano = nano * 10 + (text.charAt(i) - '0');
          i++;
        }
        int count = i - start;
        if (count == 0) {
          return slow(text);
        }
        for (int k = count; k < 9; k++) {
          nano *= 10;
        }
      }
    }
    ZoneOffset offset;
    if (i == n - 1 && text.charAt(i) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (i == n - 6
        && (text.charAt(i) == '+' || text.charAt(i) == '-')
        && digits(text, i + 1, 2)
        && text.charAt(i + 3) == ':'
        && digits(text, i + 4, 2)) {
      int sign = text.charAt(i) == '-' ? -1 : 1;
      offset =
          ZoneOffset.ofHoursMinutes(sign * number(text, i + 1, 2), sign * number(text, i + 4, 2));
    } else {
      return slow(text);
    }
    return OffsetDateTime.of(
        number(text, 0, 4),
        number(text, 5, 2),
        number(text, 8, 2),
        number(text, 11, 2),
        number(text, 14, 2),
        second,
        nano,
        offset);
  }

  private static OffsetDateTime slow(String text) {
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Whether {@code s} begins {@code yyyy-MM-ddTHH:mm} in ASCII digits and is long enough for a zone
   * after it (17 characters at least).
   */
  static boolean startsAsDateTime(String s) {
    return s.length() >= 17
        && digits(s, 0, 4)
        && s.charAt(4) == '-'
        && digits(s, 5, 2)
        && s.charAt(7) == '-'
        && digits(s, 8, 2)
        && s.charAt(10) == 'T'
        && digits(s, 11, 2)
        && s.charAt(13) == ':'
        && digits(s, 14, 2);
  }

  /** Whether {@code count} characters from {@code from} are ASCII digits. */
  static boolean digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int number(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }
}
