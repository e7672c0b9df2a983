package vn.hatang.core.snapshot;

import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The snapshot schema's patterns, matched by hand: a snapshot has dozens of patterned strings (ids,
 * MAC addresses, USB vendor and product ids, times) and a regular expression costs a matcher and a
 * backtracking walk for each. Each matcher here accepts exactly the strings without a line break
 * that {@code Pattern.compile(regex).matcher(s).find()} accepts ({@code \d} is ASCII digits, as in
 * Java without {@code UNICODE_CHARACTER_CLASS}); {@code KnownPatternsTest} holds them to it. A
 * pattern not listed here is matched by its regular expression.
 */
final class KnownPatterns {
  private KnownPatterns() {}

  private static final Map<String, Predicate<String>> KNOWN =
      Map.of(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
          KnownPatterns::uuid,
          "^[0-9a-f]{2}(:[0-9a-f]{2}){5,7}$",
          KnownPatterns::mac,
          "^[0-9a-f]{4}$",
          s -> s.length() == 4 && lowerHex(s, 0, 4),
          "^[A-Za-z0-9._-]+$",
          KnownPatterns::name,
          "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$",
          KnownPatterns::dateTime);

  /**
   * What matches {@code regex} in a string without a line break.
   *
   * @param compiled the same regular expression, compiled: used when it is not a known one
   */
  static Predicate<String> matcher(String regex, Pattern compiled) {
    Predicate<String> known = KNOWN.get(regex);
    return known != null ? known : s -> compiled.matcher(s).find();
  }

  /** Whether {@code regex} is matched by hand. */
  static boolean known(String regex) {
    return KNOWN.containsKey(regex);
  }

  private static boolean uuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  /** Six to eight lower-case hex pairs joined by colons. */
  private static boolean mac(String s) {
    int n = s.length();
    if (n != 17 && n != 20 && n != 23) {
      return false;
    }
    for (int i = 0; i < n; i += 3) {
      if (!lowerHex(s, i, i + 2) || i + 2 < n && s.charAt(i + 2) != ':') {
        return false;
      }
    }
    return true;
  }

  private static boolean name(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || c == '.'
          || c == '_'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** {@code yyyy-mm-ddThh:mm[:ss[.f{1,9}]]} then {@code Z} or {@code ±hh:mm}. */
  private static boolean dateTime(String s) {
    int n = s.length();
    if (!IsoTime.startsAsDateTime(s)) {
      return false;
    }
    int i = 16;
    if (s.charAt(i) == ':') {
      if (!IsoTime.digits(s, i + 1, 2)) {
        return false;
      }
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        int start = ++i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        int fraction = i - start;
        if (fraction < 1 || fraction > 9) {
          return false;
        }
      }
    }
    if (i == n - 1) {
      return s.charAt(i) == 'Z';
    }
    return i == n - 6
        && (s.charAt(i) == '+' || s.charAt(i) == '-')
        && IsoTime.digits(s, i + 1, 2)
        && s.charAt(i + 3) == ':'
        && IsoTime.digits(s, i + 4, 2);
  }

  private static boolean lowerHex(String s, int from, int to) {
    if (to > s.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
