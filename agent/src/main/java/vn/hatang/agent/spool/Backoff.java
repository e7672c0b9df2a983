package vn.hatang.agent.spool;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When to try uploading again after failed rounds: {@code min(5 min × 2^(failures-1), 24 h)} times
 * a random factor in {@code [0.5, 1.5)}, so that the PCs of a province that lost the collector
 * together do not all come back in the same minute. A pure function; thread-safe.
 */
public final class Backoff {
  /** The wait after the first failure, before jitter. */
  public static final Duration BASE = Duration.ofMinutes(5);

  /** The longest wait, before jitter. */
  public static final Duration MAX = Duration.ofHours(24);

  private Backoff() {}

  /**
   * The wait after {@code failures} failed rounds in a row.
   *
   * @param failures failed rounds in a row, at least 1
   * @param random gives a number in {@code [0, 1)}, e.g. {@code ThreadLocalRandom::nextDouble}
   */
  public static Duration delay(int failures, DoubleSupplier random) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures < 1: " + failures);
    }
    // 5 min × 2^17 is far beyond 24 h: cap the exponent before shifting.
    long baseMs = BASE.toMillis() << Math.min(failures - 1, 20);
    long cappedMs = Math.min(baseMs, MAX.toMillis());
    double factor = 0.5 + random.getAsDouble();
    return Duration.ofMillis(Math.round(cappedMs * factor));
  }

  /** The instant of the next attempt: {@code now + delay(failures, random)}. */
  public static Instant next(Instant now, int failures, DoubleSupplier random) {
    return now.plus(delay(failures, random));
  }
}
