package vn.hatang.cli.serve;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (per access token): {@code perMinute} requests a minute, with a burst of
 * one minute's worth. Thread-safe.
 */
final class RateLimiter {
  private final double perNano;
  private final double capacity;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param perMinute requests allowed per minute and key (the burst as well)
   * @param nanoClock the clock, in nanoseconds
   */
  RateLimiter(int perMinute, LongSupplier nanoClock) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be positive: " + perMinute);
    }
    this.perNano = perMinute / 60e9;
    this.capacity = perMinute;
    this.nanoClock = nanoClock;
  }

  /**
   * Takes one request for {@code key}: empty when allowed, else the whole seconds to wait before
   * the next one would be (at least 1).
   */
  OptionalLong acquire(String key) {
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nanoClock.getAsLong()));
    synchronized (bucket) {
      long now = nanoClock.getAsLong();
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perNano);
      bucket.at = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return OptionalLong.empty();
      }
      double waitNanos = (1 - bucket.tokens) / perNano;
      return OptionalLong.of(Math.max(1, (long) Math.ceil(waitNanos / 1e9)));
    }
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }
}
