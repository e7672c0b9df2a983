package vn.hatang.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineStatisticTest {
  @Test
  void interpolatesBetweenRanks() {
    // Sorted: 10, 20, 30, 40; h = 3 × 0.75 = 2.25 → 30 + 0.25 × 10.
    assertThat(LineStatistic.quantile(List.of(40.0, 10.0, 30.0, 20.0), 0.75).getAsDouble())
        .isCloseTo(32.5, within(1e-9));
    assertThat(LineStatistic.quantile(List.of(40.0, 10.0, 30.0, 20.0), 0.25).getAsDouble())
        .isCloseTo(17.5, within(1e-9));
    assertThat(LineStatistic.quantile(List.of(7.0), 0.75).getAsDouble()).isEqualTo(7.0);
    assertThat(LineStatistic.quantile(List.of(1.0, 2.0, 3.0), 1.0).getAsDouble()).isEqualTo(3.0);
    assertThat(LineStatistic.quantile(List.of(1.0, 2.0, 3.0), 0.0).getAsDouble()).isEqualTo(1.0);
    assertThat(LineStatistic.quantile(List.of(), 0.5)).isEmpty();
  }

  @Test
  void oneBadPcAndOneLuckyTestDoNotDecide() {
    // Three PCs on the wire see ~95 Mbit/s; one on Wi-Fi sees 20.
    List<Double> office = List.of(94.0, 95.5, 95.0, 94.8, 20.0, 21.0, 95.2, 94.9);
    assertThat(LineStatistic.quantile(office, 0.75).getAsDouble()).isGreaterThan(94.9);
    // A 50 Mbit/s line with one lucky 99 among five tests stays at 50.
    List<Double> bad = List.of(50.0, 49.0, 51.0, 99.0, 50.0);
    assertThat(LineStatistic.quantile(bad, 0.75).getAsDouble()).isEqualTo(51.0);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> LineStatistic.quantile(List.of(1.0), 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LineStatistic.quantile(List.of(Double.NaN), 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
