package vn.hatang.agent.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises the placeholder serials and UUIDs firmware vendors ship ("To be filled by O.E.M.",
 * all-zero UUIDs). The list is data: {@code junk-identifiers.txt} next to this class. Immutable and
 * thread-safe.
 */
public final class JunkIdentifiers {
  private static final String RESOURCE = "junk-identifiers.txt";
  private static final Set<String> JUNK = load();

  /** A UUID made only of zeros or only of F digits (hyphens ignored). */
  private static final Pattern SAME_DIGIT_UUID = Pattern.compile("^(0+|f+)$");

  private JunkIdentifiers() {}

  /** Whether a value is empty, blank, or a known placeholder. */
  public static boolean isJunk(String value) {
    if (value == null) {
      return true;
    }
    String lower = value.strip().toLowerCase(Locale.ROOT);
    if (lower.isEmpty() || JUNK.contains(lower)) {
      return true;
    }
    String digits = lower.replace("-", "");
    return digits.length() >= 8 && SAME_DIGIT_UUID.matcher(digits).matches();
  }

  /** The trimmed value, or {@code null} when it is junk. */
  public static String clean(String value) {
    return isJunk(value) ? null : value.strip();
  }

  private static Set<String> load() {
    Set<String> values = new HashSet<>();
    try (InputStream in = JunkIdentifiers.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String value = line.strip();
        if (!value.isEmpty() && !value.startsWith("#")) {
          values.add(value.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(values);
  }
}
