package vn.hatang.agent.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hatang.agent.line.Throughput.Sample;
import vn.hatang.core.snapshot.LineMeasurement;

class ThroughputTest {
  /** A series at {@code bytesPerMs} from 0 to {@code endMs}, sampled every 100 ms. */
  private static List<Sample> steady(long bytesPerMs, long endMs) {
    List<Sample> out = new ArrayList<>();
    for (long t = 0; t <= endMs; t += 100) {
      out.add(new Sample(t, t * bytesPerMs));
    }
    return out;
  }

  @Test
  void graceIsTwoSecondsOrFourRoundTripsAtMostThirtyPercent() {
    assertThat(Throughput.graceMs(20, 10_000)).isEqualTo(2_000);
    assertThat(Throughput.graceMs(600, 10_000)).isEqualTo(2_400);
    assertThat(Throughput.graceMs(2_000, 10_000)).isEqualTo(3_000);
    assertThat(Throughput.graceMs(1, 3_000)).isEqualTo(900);
  }

  @Test
  void mbpsIsBitsPerMicrosecond() {
    // 5,000,000 bytes in one second = 40 Mbit/s.
    assertThat(Throughput.mbps(5_000_000, 1_000)).isEqualTo(40.0);
    assertThat(Throughput.mbps(1, 0)).isZero();
  }

  @Test
  void bytesAtInterpolatesAndClamps() {
    List<Sample> s = List.of(new Sample(100, 0), new Sample(200, 1000), new Sample(400, 1000));
    assertThat(Throughput.bytesAt(s, 0)).isZero();
    assertThat(Throughput.bytesAt(s, 150)).isEqualTo(500.0);
    assertThat(Throughput.bytesAt(s, 300)).isEqualTo(1000.0);
    assertThat(Throughput.bytesAt(s, 900)).isEqualTo(1000.0);
  }

  @Test
  void theGracePeriodIsDiscarded() {
    // Slow start: 1 kB/ms for the first second, then 5 kB/ms (40 Mbit/s).
    List<Sample> s = new ArrayList<>();
    for (long t = 0; t <= 10_000; t += 100) {
      s.add(new Sample(t, t <= 1_000 ? t * 1_000 : 1_000_000 + (t - 1_000) * 5_000));
    }
    LineMeasurement.Transfer t = Throughput.transfer(s, 0, 2_000, 10_000);
    assertThat(t.mbps()).isEqualTo(40.0);
    assertThat(t.bytes()).isEqualTo(40_000_000L);
    assertThat(t.windowMs()).isEqualTo(8_000L);
    assertThat(t.graceMs()).isEqualTo(2_000L);
    assertThat(t.intervalMs()).isEqualTo(250);
    assertThat(t.intervalMbps()).hasSize(40);
    assertThat(t.intervalMbps().get(0)).isEqualTo(8.0);
    assertThat(t.intervalMbps().get(39)).isEqualTo(40.0);
    // Over the whole transfer the slow start would have cost 3.6 Mbit/s.
    assertThat(Throughput.transfer(s, 0, 0, 10_000).mbps()).isEqualTo(36.8);
  }

  @Test
  void windowEdgesBetweenSamplesAreInterpolated() {
    List<Sample> s = steady(5_000, 3_000);
    LineMeasurement.Transfer t = Throughput.transfer(s, 0, 950, 2_975);
    assertThat(t.bytes()).isEqualTo(5_000L * (2_975 - 950));
    assertThat(t.mbps()).isCloseTo(40.0, within(1e-9));
  }

  @Test
  void serverSamplesMayBeEpochOrOffsets() {
    long first = 1_750_000_000_000L;
    List<Sample> epoch =
        Throughput.serverSeries(
            first,
            first + 250,
            2_500,
            List.of(new Sample(first + 100, 1_000), new Sample(first + 200, 2_000)));
    List<Sample> offsets =
        Throughput.serverSeries(
            first, first + 250, 2_500, List.of(new Sample(100, 1_000), new Sample(200, 2_000)));
    assertThat(offsets).isEqualTo(epoch);
    assertThat(epoch)
        .containsExactly(
            new Sample(first, 0),
            new Sample(first + 100, 1_000),
            new Sample(first + 200, 2_000),
            new Sample(first + 250, 2_500));
  }

  @Test
  void serverSeriesIsForcedMonotonic() {
    List<Sample> s =
        Throughput.serverSeries(
            0 + 1_000_000_000_000L,
            1_000_000_000_300L,
            900,
            List.of(new Sample(100, 500), new Sample(200, 400), new Sample(250, 5_000)));
    assertThat(s.stream().map(Sample::bytes)).containsExactly(0L, 500L, 500L, 900L, 900L);
  }

  @Test
  void streamsAreMergedOnTheServerClock() {
    // Two streams at 1 kB/ms each, the second starting 100 ms later and ending 100 ms later.
    List<Sample> a = Throughput.serverSeries(1_000, 2_000, 1_000_000, List.of());
    List<Sample> b = Throughput.serverSeries(1_100, 2_100, 1_000_000, List.of());
    List<Sample> merged = Throughput.merge(List.of(a, b));
    assertThat(merged)
        .containsExactly(
            new Sample(1_000, 0),
            new Sample(1_100, 100_000),
            new Sample(2_000, 1_900_000),
            new Sample(2_100, 2_000_000));
    // Window [first + 300 ms, last]: 2 kB/ms until 2000, then 1 kB/ms.
    LineMeasurement.Transfer t = Throughput.transfer(merged, 1_000, 1_300, 2_100);
    assertThat(t.bytes()).isEqualTo(2_000_000L - 500_000L);
    assertThat(t.mbps()).isCloseTo(1_500_000 * 8 / 800_000.0, within(1e-9));
  }

  @Test
  void anUploadWindowEndsWhenTheFirstStreamHasFinished() {
    // Streams ended at 10,000 and 10,400 ms; the window starts at 2,000: all were busy until
    // 10,000.
    assertThat(Throughput.windowEnd(2_000, 10_000, 10_400)).isEqualTo(10_000);
    // A stream that ended at 3,000 (less than half of [2,000, 10,400]) does not shrink the window.
    assertThat(Throughput.windowEnd(2_000, 3_000, 10_400)).isEqualTo(10_400);
    assertThat(Throughput.windowEnd(2_000, 6_200, 10_400)).isEqualTo(6_200);
  }

  @Test
  void latencyStatistics() {
    List<Double> samples = List.of(10.0, 12.0, 11.0, 30.0, 11.0);
    assertThat(Throughput.median(samples)).isEqualTo(11.0);
    assertThat(Throughput.median(List.of(1.0, 2.0, 3.0, 10.0))).isEqualTo(2.5);
    assertThat(Throughput.min(samples)).isEqualTo(10.0);
    // |2| + |1| + |19| + |19| over 4.
    assertThat(Throughput.jitter(samples)).isEqualTo(10.25);
    assertThat(Throughput.jitter(List.of(5.0))).isNull();
    assertThat(Throughput.median(List.of())).isNull();
  }
}
