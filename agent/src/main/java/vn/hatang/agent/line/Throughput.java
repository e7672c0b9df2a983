package vn.hatang.agent.line;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import vn.hatang.core.snapshot.LineMeasurement;

/**
 * The arithmetic of a line measurement: pure functions of {@code (time, cumulative bytes)} samples,
 * with no clock and no I/O. Rates are goodput in megabits per second (10^6 bit/s).
 *
 * <p>A <em>series</em> is a list of {@link Sample}s in ascending time whose byte counts never
 * decrease. Between samples the count is interpolated linearly; before the first sample it is the
 * first count and after the last sample the last count.
 */
public final class Throughput {
  /** The grace period is never shorter than this, in milliseconds (TCP slow start). */
  public static final long MIN_GRACE_MS = 2_000;

  /** The grace period is at most this share of the transfer. */
  public static final double MAX_GRACE_SHARE = 0.3;

  /** Length of one interval of {@link LineMeasurement.Transfer#intervalMbps()}, milliseconds. */
  public static final int INTERVAL_MS = 250;

  /** Server timestamps below this (before 1973) are offsets from the first byte, not epoch ms. */
  static final long EPOCH_THRESHOLD_MS = 100_000_000_000L;

  private Throughput() {}

  /**
   * A point of a cumulative series.
   *
   * @param tMs time in milliseconds (relative or epoch, the same for the whole series)
   * @param bytes bytes counted from the start of the series up to {@code tMs}
   */
  public record Sample(long tMs, long bytes) {}

  /**
   * The grace period: {@code max(2 s, 4 × idle round trip)}, at most 30% of the transfer.
   *
   * @param idleRttMs the idle latency in milliseconds
   * @param durationMs the transfer's planned duration in milliseconds
   */
  public static long graceMs(double idleRttMs, long durationMs) {
    long wanted = Math.max(MIN_GRACE_MS, Math.round(4 * idleRttMs));
    return Math.min(wanted, Math.round(MAX_GRACE_SHARE * durationMs));
  }

  /**
   * Where an upload window ends: at the first stream's last byte when that leaves at least half of
   * the time after the grace period (every stream was sending until then), else at the last
   * stream's last byte (a stream that ended early, e.g. at the byte cap, must not shrink the window
   * to nothing).
   *
   * @param fromMs the window's start (first byte plus grace)
   * @param firstEndMs the earliest last byte of the streams
   * @param lastEndMs the latest last byte of the streams
   */
  public static long windowEnd(long fromMs, long firstEndMs, long lastEndMs) {
    return firstEndMs - fromMs >= (lastEndMs - fromMs) / 2 ? firstEndMs : lastEndMs;
  }

  /** Megabits per second of {@code bytes} moved in {@code ms} milliseconds; 0 when ms ≤ 0. */
  public static double mbps(double bytes, double ms) {
    return ms <= 0 ? 0 : bytes * 8 / (ms * 1000);
  }

  /** The cumulative count of a series at time {@code tMs}, interpolated linearly. */
  public static double bytesAt(List<Sample> series, double tMs) {
    if (series.isEmpty()) {
      return 0;
    }
    if (tMs <= series.get(0).tMs()) {
      return series.get(0).bytes();
    }
    for (int i = 1; i < series.size(); i++) {
      Sample b = series.get(i);
      if (tMs <= b.tMs()) {
        Sample a = series.get(i - 1);
        if (b.tMs() == a.tMs()) {
          return b.bytes();
        }
        return a.bytes() + (b.bytes() - a.bytes()) * (tMs - a.tMs()) / (b.tMs() - a.tMs());
      }
    }
    return series.get(series.size() - 1).bytes();
  }

  /**
   * One direction's result over the window {@code [fromMs, toMs]} of a series, with the interval
   * goodput from {@code startMs} (grace included).
   *
   * @param series the cumulative series
   * @param startMs when the transfer started (the first interval starts here)
   * @param fromMs the window's start: {@code startMs} plus the grace period
   * @param toMs the window's end
   */
  public static LineMeasurement.Transfer transfer(
      List<Sample> series, long startMs, long fromMs, long toMs) {
    double bytes = bytesAt(series, toMs) - bytesAt(series, fromMs);
    long windowMs = toMs - fromMs;
    return new LineMeasurement.Transfer(
        mbps(bytes, windowMs),
        Math.round(bytes),
        windowMs,
        fromMs - startMs,
        INTERVAL_MS,
        intervalMbps(series, startMs, toMs, INTERVAL_MS));
  }

  /** Goodput of each whole interval of {@code intervalMs} from {@code startMs} to {@code endMs}. */
  public static List<Double> intervalMbps(
      List<Sample> series, long startMs, long endMs, int intervalMs) {
    List<Double> out = new ArrayList<>();
    for (long t = startMs; t + intervalMs <= endMs; t += intervalMs) {
      out.add(mbps(bytesAt(series, t + intervalMs) - bytesAt(series, t), intervalMs));
    }
    return out;
  }

  /**
   * One upload stream's series on the server clock, from the server's report: {@code (first byte,
   * 0)}, the samples, then {@code (last byte, total)}. Sample times below {@link
   * #EPOCH_THRESHOLD_MS} are taken as offsets from the first byte. Counts are forced non-decreasing
   * and at most the total.
   */
  public static List<Sample> serverSeries(
      long firstByteAtMs, long lastByteAtMs, long totalBytes, List<Sample> samples) {
    List<Sample> out = new ArrayList<>();
    out.add(new Sample(firstByteAtMs, 0));
    long lastT = firstByteAtMs;
    long lastBytes = 0;
    for (Sample s : samples) {
      long t = s.tMs() < EPOCH_THRESHOLD_MS ? firstByteAtMs + s.tMs() : s.tMs();
      if (t < lastT || t > lastByteAtMs) {
        continue;
      }
      lastBytes = Math.min(totalBytes, Math.max(lastBytes, s.bytes()));
      lastT = t;
      out.add(new Sample(t, lastBytes));
    }
    out.add(new Sample(Math.max(lastT, lastByteAtMs), Math.max(lastBytes, totalBytes)));
    return out;
  }

  /**
   * The sum of several series at every time any of them has a sample. Each series counts 0 before
   * its first sample and its last count after its last sample.
   */
  public static List<Sample> merge(List<List<Sample>> series) {
    TreeSet<Long> times = new TreeSet<>();
    for (List<Sample> s : series) {
      for (Sample p : s) {
        times.add(p.tMs());
      }
    }
    List<Sample> out = new ArrayList<>();
    for (long t : times) {
      double sum = 0;
      for (List<Sample> s : series) {
        if (!s.isEmpty() && t >= s.get(0).tMs()) {
          sum += bytesAt(s, t);
        }
      }
      out.add(new Sample(t, Math.round(sum)));
    }
    return out;
  }

  /** The median of the values, or {@code null} when there are none. */
  public static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The smallest value, or {@code null} when there are none. */
  public static Double min(List<Double> values) {
    return values.stream().min(Double::compare).orElse(null);
  }

  /**
   * Jitter: the mean absolute difference of consecutive values, or {@code null} with fewer than
   * two.
   */
  public static Double jitter(List<Double> values) {
    if (values.size() < 2) {
      return null;
    }
    double sum = 0;
    for (int i = 1; i < values.size(); i++) {
      sum += Math.abs(values.get(i) - values.get(i - 1));
    }
    return sum / (values.size() - 1);
  }
}
