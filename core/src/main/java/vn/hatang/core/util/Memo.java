package vn.hatang.core.util;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers the results of a pure function of a small key, for look-ups that a fleet repeats with
 * the same few inputs (one CPU model on a thousand PCs, one printer driver, one OS build). Holds at
 * most {@code capacity} keys, each of at most {@code maxKeyChars} characters (as the caller
 * measures it): past that, or for a longer key, the result is computed and not kept, so that
 * hostile or unusually varied input costs time, not unbounded memory (at most capacity ×
 * maxKeyChars characters of keys). Thread-safe; {@code null} results are kept too.
 *
 * @param <K> key, with value equality
 * @param <V> result
 */
public final class Memo<K, V> {
  private final Function<K, V> function;
  private final int capacity;
  private final java.util.function.ToIntFunction<K> keyChars;
  private final int maxKeyChars;
  private final Map<K, Optional<V>> results = new ConcurrentHashMap<>();

  /**
   * @param function the pure function remembered
   * @param capacity keys kept at most
   * @param keyChars the size of a key, in characters
   * @param maxKeyChars the largest key kept
   */
  public Memo(
      Function<K, V> function,
      int capacity,
      java.util.function.ToIntFunction<K> keyChars,
      int maxKeyChars) {
    this.function = function;
    this.capacity = capacity;
    this.keyChars = keyChars;
    this.maxKeyChars = maxKeyChars;
  }

  /** Characters of text, {@code null} counting none: for {@code keyChars}. */
  public static int chars(String... texts) {
    int n = 0;
    for (String t : texts) {
      n += t == null ? 0 : t.length();
    }
    return n;
  }

  /** The function's result for {@code key}, remembered or computed. */
  public V get(K key) {
    Optional<V> known = results.get(key);
    if (known != null) {
      return known.orElse(null);
    }
    V value = function.apply(key);
    if (results.size() < capacity && keyChars.applyAsInt(key) <= maxKeyChars) {
      results.putIfAbsent(key, Optional.ofNullable(value));
    }
    return value;
  }

  /** Keys kept (for tests). */
  public int size() {
    return results.size();
  }
}
