package vn.hatang.core.standard;

import java.util.Arrays;
import java.util.Optional;

/**
 * The metrics a unit-scoped check ({@code scope: unit}) can name: figures of a whole unit (an
 * office, a commune) over a reporting period, computed from all its machines' snapshots and the
 * unit's attestations. See {@code docs/reporting.md}.
 */
public enum UnitMetric {
  /**
   * Pieces of equipment of the check's {@code item} (printer, scanner, ups, display, usb_token, or
   * any attested item): seen by the agents, or attested, whichever is more.
   */
  EQUIPMENT_COUNT("unit.equipment.count", Unit.Dimension.COUNT, Needs.ITEM, true),
  /** Computers (desktop and laptop machines) with a snapshot that is not missing. */
  COMPUTERS_COUNT("unit.computers.count", Unit.Dimension.COUNT, Needs.NOTHING, true),
  /**
   * Compliant machines (verdict PASS, waivers included) out of the machines expected: the larger of
   * the unit's expected machine count and the machines seen. A silent machine counts against.
   */
  COMPLIANT_PERCENT("unit.machines.compliantPercent", Unit.Dimension.PERCENT, Needs.NOTHING, true),
  /** Machines with a fresh snapshot out of the machines expected (as above). */
  REPORTING_PERCENT("unit.machines.reportingPercent", Unit.Dimension.PERCENT, Needs.NOTHING, true),
  /** The unit's download goodput on the check's {@code line}: a quantile of its measurements. */
  LINE_DOWNLOAD("unit.line.downloadMbps", Unit.Dimension.RATE, Needs.LINE, true),
  /** The unit's upload goodput on the check's {@code line}. */
  LINE_UPLOAD("unit.line.uploadMbps", Unit.Dimension.RATE, Needs.LINE, true),
  /** The unit's idle latency on the check's {@code line} (lower is better). */
  LINE_LATENCY("unit.line.latencyMs", Unit.Dimension.TIME, Needs.LINE, false),
  /** The unit's jitter on the check's {@code line} (lower is better). */
  LINE_JITTER("unit.line.jitterMs", Unit.Dimension.TIME, Needs.LINE, false);

  /** What a check of the metric must say besides the metric. */
  public enum Needs {
    NOTHING,
    /** {@code item:} names the equipment. */
    ITEM,
    /** {@code line:} names the line; {@code statistic:} may tune how measurements combine. */
    LINE
  }

  private final String path;
  private final Unit.Dimension dimension;
  private final Needs needs;
  private final boolean higherIsBetter;

  UnitMetric(String path, Unit.Dimension dimension, Needs needs, boolean higherIsBetter) {
    this.path = path;
    this.dimension = dimension;
    this.needs = needs;
    this.higherIsBetter = higherIsBetter;
  }

  /** The name used in standards files. */
  public String path() {
    return path;
  }

  public Unit.Dimension dimension() {
    return dimension;
  }

  public Needs needs() {
    return needs;
  }

  /** Whether a larger value is better (speeds, counts), or a smaller one (latency, jitter). */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The metric of a name, if any. */
  public static Optional<UnitMetric> byPath(String path) {
    return Arrays.stream(values()).filter(m -> m.path.equals(path)).findFirst();
  }
}
