package vn.hatang.core.report;

import java.util.Arrays;
import java.util.Collection;
import java.util.OptionalDouble;

/**
 * The quantile a unit's line figure is drawn from (see {@code UnitCheck.Statistic}).
 *
 * <p>Linear interpolation between the two nearest ranks ("type 7", the default of R and NumPy): the
 * value at quantile q of n sorted values x is {@code x[h] + (h - floor(h)) (x[h+1] - x[h])} with
 * {@code h = (n - 1) q}, zero-based.
 */
public final class LineStatistic {
  private LineStatistic() {}

  /** The quantile {@code q} of the values, or empty when there are none. NaN values are refused. */
  public static OptionalDouble quantile(Collection<Double> values, double q) {
    if (q < 0 || q > 1) {
      throw new IllegalArgumentException("quantile " + q);
    }
    if (values.isEmpty()) {
      return OptionalDouble.empty();
    }
    double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
    for (double v : x) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("NaN");
      }
    }
    Arrays.sort(x);
    double h = (x.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, x.length - 1);
    return OptionalDouble.of(x[lo] + (h - lo) * (x[hi] - x[lo]));
  }
}
