package vn.hatang.core.standard;

import java.util.Objects;

/**
 * A unit-scoped check ({@code scope: unit}): compares a figure of a whole unit over a period
 * ({@link UnitMetric}) with a required number.
 *
 * @param id stable id, unique in the standard among all checks
 * @param title what is checked
 * @param unitLevels the unit levels it concerns ({@code commune}, {@code office}); empty = any
 * @param metric the unit metric
 * @param lineName the line of a {@code unit.line.*} metric, else {@code null}
 * @param item the equipment of {@code unit.equipment.count} ({@code ups}, {@code printer}), else
 *     {@code null}
 * @param op a numeric comparison ({@code >=}, {@code >}, {@code <=}, {@code <}, {@code ==})
 * @param value the required value in {@code unit} (or a count); with {@code perStaff}, per that
 *     many staff
 * @param unit the unit of the value ({@code Mbps nominal}, {@code ms}, {@code %}), or {@code null}
 *     for counts
 * @param perStaff for counts: the value is required per this many of the unit's expected staff
 *     (rounded up: "1 printer per 5 staff" is {@code value: 1, perStaff: 5}); else {@code null}
 * @param statistic how a line metric combines the unit's measurements, else {@code null}
 * @param severity severity of a failure
 * @param weight weight in scores
 * @param remediation what to do, with the price key; the quantity is the shortfall for counts and
 *     one for the other metrics
 * @param source where the threshold comes from
 * @param line line in the standards file
 */
public record UnitCheck(
    String id,
    LocalizedText title,
    java.util.List<String> unitLevels,
    UnitMetric metric,
    String lineName,
    String item,
    Operator op,
    double value,
    String unit,
    Double perStaff,
    Statistic statistic,
    Severity severity,
    double weight,
    Check.Remediation remediation,
    String source,
    int line) {

  public UnitCheck {
    Objects.requireNonNull(id);
    Objects.requireNonNull(metric);
    Objects.requireNonNull(op);
    unitLevels = unitLevels == null ? java.util.List.of() : java.util.List.copyOf(unitLevels);
  }

  /** The required value in the metric's base unit (Mbit/s of goodput, ms, per cent, a count). */
  public double requiredBase() {
    return unit == null ? value : Unit.parse(unit).orElseThrow().toBase(value);
  }

  /**
   * How a unit's line figure is drawn from all its machines' successful measurements of the period,
   * pooled: the value at {@code quantile} of them sorted from low to high (the upper quartile for
   * speeds, the lower quartile for latency and jitter), UNKNOWN below {@code minSamples}. A quarter
   * of the tests may come from a PC on bad Wi-Fi without failing the line, and a single lucky test
   * among four cannot pass it (see {@code docs/reporting.md}).
   *
   * @param quantile in [0, 1]
   * @param minSamples measurements needed for a verdict, at least 1
   */
  public record Statistic(double quantile, int minSamples) {
    /** Speeds: the upper quartile of at least 4 measurements. */
    public static final Statistic SPEED_DEFAULT = new Statistic(0.75, 4);

    /** Latency and jitter: the lower quartile of at least 4 measurements. */
    public static final Statistic DELAY_DEFAULT = new Statistic(0.25, 4);

    /** The default for a metric. */
    public static Statistic defaultFor(UnitMetric metric) {
      return metric.higherIsBetter() ? SPEED_DEFAULT : DELAY_DEFAULT;
    }
  }
}
