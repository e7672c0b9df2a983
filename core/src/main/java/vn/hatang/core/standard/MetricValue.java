package vn.hatang.core.standard;

import java.util.List;

/**
 * A metric read from a snapshot: a value (Double in the base unit, String, Boolean or LocalDate)
 * with an optional note on how it was read, or no value and the reason why.
 *
 * @param value the value, {@code null} when unknown
 * @param key reason key (unknown) or note key (known), may be {@code null} when known
 * @param args the key's arguments
 */
public record MetricValue(Object value, String key, List<Object> args) {
  public MetricValue {
    args = List.copyOf(args);
  }

  public static MetricValue of(Object value) {
    return new MetricValue(value, null, List.of());
  }

  public static MetricValue of(Object value, String noteKey, Object... args) {
    return new MetricValue(value, noteKey, List.of(args));
  }

  public static MetricValue unknown(String reasonKey, Object... args) {
    return new MetricValue(null, reasonKey, List.of(args));
  }

  public boolean known() {
    return value != null;
  }
}
