package vn.hatang.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.hatang.core.i18n.Messages;

/** Numbers for people: whole ones grouped by hand, the same text as the decimal formats write. */
class FormatsTest {

  @Test
  void numbersAreWhatTheDecimalFormatsWrite() {
    List<Double> values = new ArrayList<>();
    for (double v : new double[] {0, -0.0, 0.25, 1, 9, 9.99, 10, 99, 100, 999, 1000, 1001}) {
      values.add(v);
    }
    for (long p = 10; p < 1_000_000_000_000_000L; p *= 10) {
      values.add((double) p - 1);
      values.add((double) p);
      values.add((double) p + 1);
    }
    values.add(1e15 - 1);
    values.add(1e15);
    values.add(123456789.5);
    values.add(-1234567.0);
    values.add(Double.NaN);
    values.add(Double.POSITIVE_INFINITY);
    Random random = new Random(52);
    for (int i = 0; i < 20_000; i++) {
      values.add((double) random.nextInt(50_000_000));
      values.add(random.nextDouble() * 100_000);
    }
    for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("vi"))) {
      Formats f = new Formats(Messages.of(locale));
      DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
      for (double v : values) {
        double a = Math.abs(v);
        String pattern = a < 1 ? "#,##0.###" : a < 10 ? "#,##0.##" : "#,##0.#";
        assertThat(f.number(v))
            .as("%s %s", locale, v)
            .isEqualTo(new DecimalFormat(pattern, symbols).format(v));
      }
    }
    assertThat(new Formats(Messages.of(Locale.forLanguageTag("vi"))).number(650000))
        .isEqualTo("650.000");
  }
}
