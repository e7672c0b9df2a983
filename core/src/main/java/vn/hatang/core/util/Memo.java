package vn.hatang.core.util;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers the results of a pure function of a small key, for look-ups that a fleet repeats with
 * the same few inputs (one CPU model on a thousand PCs, one printer driver, one OS build). Holds at
 * most {@code capacity} keys: past that, new keys are computed and not kept, so that hostile or
 * unusually varied input costs time, never memory. Thread-safe; {@code null} results are kept too.
 *
 * @param <K> key, with value equality
 * @param <V> result
 */
public final class Memo<K, V> {
  private final Function<K, V> function;
  private final int capacity;
  private final Map<K, Optional<V>> results = new ConcurrentHashMap<>();

  /**
   * @param function the pure function remembered
   * @param capacity keys kept at most
   */
  public Memo(Function<K, V> function, int capacity) {
    this.function = function;
    this.capacity = capacity;
  }

  /** The function's result for {@code key}, remembered or computed. */
  public V get(K key) {
    Optional<V> known = results.get(key);
    if (known != null) {
      return known.orElse(null);
    }
    V value = function.apply(key);
    if (results.size() < capacity) {
      results.putIfAbsent(key, Optional.ofNullable(value));
    }
    return value;
  }

  /** Keys kept (for tests). */
  public int size() {
    return results.size();
  }
}
