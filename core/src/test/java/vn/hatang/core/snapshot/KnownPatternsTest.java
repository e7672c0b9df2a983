package vn.hatang.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each pattern matched by hand accepts exactly what its regular expression accepts. */
class KnownPatternsTest {

  /** Valid examples of each schema pattern, which the strings tried are made from. */
  private static final List<String> SEEDS =
      List.of(
          "7d4f1c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b",
          "7D4F1C2A-5B6E-4F80-9A1B-2C3D4E5F6A7B",
          "00:1a:2b:3c:4d:5e",
          "00:1a:2b:3c:4d:5e:6f",
          "00:1a:2b:3c:4d:5e:6f:70",
          "096e",
          "ab12",
          "U48001-CHUTICH-01.local_x",
          "2026-11-25T08:30:00+07:00",
          "2026-11-25T08:30Z",
          "2026-11-25T08:30:00.123456789Z",
          "2026-11-25T08:30:00.1-05:30",
          "2026-11-25T08:30:15Z");

  /** Characters that matter to some pattern, and some that match none. */
  private static final String ALPHABET = "0123456789abcdefABCDEFgzGZ-_.:T+Z ٣é\u0000";

  @Test
  void everyPatternOfTheSchemaIsMatchedByHand() {
    List<String> patterns = new ArrayList<>();
    collect(schema(), patterns);
    assertThat(patterns).isNotEmpty().allMatch(KnownPatterns::known);
  }

  @Test
  void handMatchersAcceptWhatTheirRegexAccepts() {
    List<String> patterns = new ArrayList<>();
    collect(schema(), patterns);
    List<String> tried = candidates();
    int accepted = 0;
    for (String regex : patterns.stream().distinct().toList()) {
      Pattern compiled = Pattern.compile(regex);
      Predicate<String> byHand = KnownPatterns.matcher(regex, compiled);
      for (String s : tried) {
        boolean expected = compiled.matcher(s).find();
        assertThat(byHand.test(s)).as("%s on \"%s\"", regex, s).isEqualTo(expected);
        accepted += expected ? 1 : 0;
      }
    }
    // The strings tried are not all refused: both answers are compared.
    assertThat(accepted).isGreaterThan(SEEDS.size());
  }

  /** The seeds, each cut, lengthened and with each character changed, and random strings. */
  private static List<String> candidates() {
    List<String> out = new ArrayList<>(SEEDS);
    out.add("");
    Random random = new Random(52);
    for (String seed : SEEDS) {
      for (int i = 0; i <= seed.length(); i++) {
        out.add(seed.substring(0, i));
        out.add(seed.substring(i));
        for (char c : ALPHABET.toCharArray()) {
          out.add(seed.substring(0, i) + c + seed.substring(i)); // inserted
          if (i < seed.length()) {
            out.add(seed.substring(0, i) + c + seed.substring(i + 1)); // replaced
          }
        }
      }
    }
    for (int k = 0; k < 20_000; k++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      out.add(b.toString());
    }
    return out;
  }

  private static JsonNode schema() {
    try (InputStream in = SnapshotCodec.class.getResourceAsStream(SnapshotCodec.SCHEMA_RESOURCE)) {
      return SnapshotCodec.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode schema, List<String> patterns) {
    if (schema.isObject()) {
      if (schema.has("pattern") && schema.get("pattern").isTextual()) {
        patterns.add(schema.get("pattern").asText());
      }
      schema.elements().forEachRemaining(child -> collect(child, patterns));
    } else if (schema.isArray()) {
      schema.elements().forEachRemaining(child -> collect(child, patterns));
    }
  }
}
