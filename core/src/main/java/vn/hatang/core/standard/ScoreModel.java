package vn.hatang.core.standard;

import java.util.List;
import java.util.Objects;

/**
 * How a standard scores units for the administrative-reform (PAR) index: criteria, each worth some
 * points, each computed from one figure of the unit (see {@code docs/reporting.md}).
 *
 * @param title what the score is, for people
 * @param levels the unit levels scored (empty = every level that has machines)
 * @param criteria the criteria, in order
 */
public record ScoreModel(LocalizedText title, List<String> levels, List<Criterion> criteria) {
  public ScoreModel {
    levels = List.copyOf(levels);
    criteria = List.copyOf(criteria);
  }

  /** The most points a unit can get. */
  public double maxPoints() {
    return criteria.stream().mapToDouble(Criterion::points).sum();
  }

  /** How a criterion turns its figure into points. */
  public enum Formula {
    /** {@code points × figure / 100}: the figure is a per cent. */
    RATIO,
    /** {@code points} when the figure passes {@code op threshold}, else 0. */
    THRESHOLD,
    /** {@code points × figure / best}, the best figure among the units of the same level. */
    RELATIVE
  }

  /**
   * One criterion.
   *
   * @param id stable id
   * @param title what it measures
   * @param points points at best
   * @param formula how points are computed
   * @param checkId the figure is this check's: for a machine check the per cent of the unit's
   *     judged machines passing it, for a unit check 100 when it passes and 0 otherwise; or {@code
   *     null}
   * @param metric the figure is this unit metric ({@code line}/{@code item} as for checks); or
   *     {@code null}
   * @param lineName line of a line metric
   * @param item item of an equipment metric
   * @param op comparison of a threshold formula, else {@code null}
   * @param threshold the threshold (in the metric's base unit, or per cent), else {@code null}
   * @param line line in the standards file
   */
  public record Criterion(
      String id,
      LocalizedText title,
      double points,
      Formula formula,
      String checkId,
      UnitMetric metric,
      String lineName,
      String item,
      Operator op,
      Double threshold,
      int line) {
    public Criterion {
      Objects.requireNonNull(id);
      Objects.requireNonNull(formula);
    }
  }
}
