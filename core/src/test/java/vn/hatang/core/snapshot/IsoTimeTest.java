package vn.hatang.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** takenAt read digit by digit gives what Java's ISO formatter gives, value or refusal. */
class IsoTimeTest {

  @Test
  void readsWhatTheIsoFormatterReads() {
    for (String text :
        List.of(
            "2026-11-22T16:16:35.785+07:00",
            "2026-11-22T16:16:35+07:00",
            "2026-11-22T16:16+07:00",
            "2026-11-22T16:16:35Z",
            "2026-11-22T16:16:35.123456789-03:30",
            "2026-11-22T16:16:35.1Z",
            "2026-11-22t16:16:35z",
            "2026-11-22T16:16:35-00:00",
            "2024-02-29T00:00:00+18:00",
            "2026-11-22T16:16:35+07:00:30",
            "2026-11-22T16:16:35.Z")) { // a point without digits: Java's formatter takes it
      assertThat(IsoTime.parse(text)).as(text).isEqualTo(iso(text));
    }
    for (String bad :
        List.of(
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-22T24:00:00Z",
            "2026-11-22T23:59:60Z",
            "2026-11-22T23:60Z",
            "2026-11-22T16:16:35+18:30",
            "2026-11-22T16:16:35+05:60",
            "2026-11-22T16:16:35.1234567891Z",
            "2026-11-22T16:16:35",
            "2026-11-22 16:16:35Z",
            "")) {
      assertThatThrownBy(() -> iso(bad)).as(bad).isInstanceOf(DateTimeException.class);
      assertThatThrownBy(() -> IsoTime.parse(bad)).as(bad).isInstanceOf(DateTimeException.class);
    }
  }

  @Test
  void agreesWithTheIsoFormatterOnRandomTexts() {
    Random random = new Random(11);
    int read = 0;
    for (int i = 0; i < 50_000; i++) {
      String text = randomText(random);
      OffsetDateTime expected;
      try {
        expected = iso(text);
      } catch (DateTimeException e) {
        assertThatThrownBy(() -> IsoTime.parse(text))
            .as(text)
            .isInstanceOf(DateTimeException.class);
        continue;
      }
      read++;
      assertThat(IsoTime.parse(text)).as(text).isEqualTo(expected);
    }
    assertThat(read).as("enough valid texts to mean something").isGreaterThan(5_000);
  }

  private static OffsetDateTime iso(String text) {
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** Mostly well-shaped, with digits, separators and lengths varied. */
  private static String randomText(Random r) {
    StringBuilder s = new StringBuilder();
    s.append(2000 + r.nextInt(40)).append('-');
    s.append(two(r, 14)).append('-').append(two(r, 32)).append(r.nextInt(20) == 0 ? 't' : 'T');
    s.append(two(r, 26)).append(':').append(two(r, 62));
    if (r.nextInt(4) > 0) {
      s.append(':').append(two(r, 62));
      if (r.nextBoolean()) {
        s.append('.');
        for (int k = r.nextInt(11); k > 0; k--) {
          s.append(r.nextInt(10));
        }
      }
    }
    switch (r.nextInt(5)) {
      case 0 -> s.append('Z');
      case 1 ->
          s.append(r.nextBoolean() ? '+' : '-').append(two(r, 20)).append(':').append(two(r, 61));
      case 2 -> s.append("+07:00");
      case 3 -> s.append(r.nextBoolean() ? "-0300" : "+07:00:15");
      default -> {
        // no offset, or junk
        if (r.nextBoolean()) {
          s.append('x');
        }
      }
    }
    return s.toString();
  }

  private static String two(Random r, int bound) {
    int v = r.nextInt(bound);
    return v < 10 ? "0" + v : Integer.toString(v);
  }
}
