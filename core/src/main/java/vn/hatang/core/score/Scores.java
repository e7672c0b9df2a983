package vn.hatang.core.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hatang.core.check.State;
import vn.hatang.core.report.MachineStatus;
import vn.hatang.core.report.PeriodReport;
import vn.hatang.core.standard.LocalizedText;
import vn.hatang.core.standard.ScoreModel;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.UnitMetric;

/**
 * PAR-index points per unit from the score structure a standard declares (see {@code
 * docs/standards.md#score-score} and {@code docs/reporting.md}), computed from a period report,
 * with the breakdown per criterion. Pure.
 *
 * <p>A criterion's figure: a machine check's share of the unit's judged machines without a
 * deficiency on it (silent machines are not judged: the compliance criterion is where silence
 * counts); a unit check's 100 or 0; {@code unit.machines.compliantPercent} and {@code
 * reportingPercent} from the unit's counts; another unit metric from the unit check that measures
 * it. A unit with no figure for a criterion gets 0 points for it, shown as "no data".
 */
public final class Scores {
  private Scores() {}

  /**
   * One criterion of one unit.
   *
   * @param criterionId criterion id
   * @param title its title
   * @param figure the figure (per cent, or the metric's base unit), or {@code null} when there is
   *     no data
   * @param points points earned
   * @param maxPoints points at best
   */
  public record Part(
      String criterionId, LocalizedText title, Double figure, double points, double maxPoints) {}

  /**
   * One unit's score.
   *
   * @param code unit code
   * @param name unit name
   * @param level unit level
   * @param rank 1 for the best of its level (equal points share a rank)
   * @param points total points
   * @param maxPoints points at best
   * @param parts the breakdown, in the criteria's order
   */
  public record UnitScore(
      String code,
      String name,
      String level,
      int rank,
      double points,
      double maxPoints,
      List<Part> parts) {
    public UnitScore {
      parts = List.copyOf(parts);
    }
  }

  /**
   * Scores the units of the model's levels (every level with machines when it names none).
   *
   * @throws IllegalArgumentException when the standard declares no score
   */
  public static List<UnitScore> score(PeriodReport report, Standard standard) {
    ScoreModel model = standard.score();
    if (model == null) {
      throw new IllegalArgumentException("no score in " + standard.ref());
    }
    Map<String, List<PeriodReport.MachineRow>> machines = new HashMap<>();
    for (PeriodReport.MachineRow m : report.machines()) {
      machines.computeIfAbsent(m.unitCode(), k -> new ArrayList<>()).add(m);
    }
    List<PeriodReport.UnitRow> scored =
        report.units().stream()
            .filter(
                u ->
                    model.levels().isEmpty()
                        ? u.own().seen() > 0 || u.own().expected() > 0
                        : model.levels().contains(u.level()))
            .toList();
    // Figures first: "relative" needs the best of each level.
    Map<String, Double[]> figures = new HashMap<>();
    for (PeriodReport.UnitRow u : scored) {
      Double[] f = new Double[model.criteria().size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = figure(model.criteria().get(i), u, machines.getOrDefault(u.code(), List.of()));
      }
      figures.put(u.code(), f);
    }
    List<UnitScore> out = new ArrayList<>();
    for (PeriodReport.UnitRow u : scored) {
      Double[] f = figures.get(u.code());
      List<Part> parts = new ArrayList<>();
      double total = 0;
      for (int i = 0; i < f.length; i++) {
        ScoreModel.Criterion c = model.criteria().get(i);
        double best = 0;
        for (PeriodReport.UnitRow other : scored) {
          Double x = figures.get(other.code())[i];
          if (x != null && java.util.Objects.equals(other.level(), u.level())) {
            best = Math.max(best, x);
          }
        }
        double points = points(c, f[i], best);
        total += points;
        parts.add(new Part(c.id(), c.title(), f[i], points, c.points()));
      }
      out.add(new UnitScore(u.code(), u.name(), u.level(), 0, total, model.maxPoints(), parts));
    }
    return ranked(out);
  }

  private static Double figure(
      ScoreModel.Criterion c, PeriodReport.UnitRow u, List<PeriodReport.MachineRow> machines) {
    if (c.checkId() != null) {
      for (PeriodReport.UnitResult r : u.findings()) {
        if (r.checkId().equals(c.checkId())) {
          return r.state() == State.PASS ? 100.0 : r.state() == State.FAIL ? 0.0 : null;
        }
      }
      List<PeriodReport.MachineRow> judged =
          machines.stream().filter(m -> m.status() != MachineStatus.MISSING).toList();
      if (judged.isEmpty()) {
        return null;
      }
      long ok =
          judged.stream()
              .filter(
                  m ->
                      m.problems().stream()
                          .noneMatch(
                              p -> p.checkId().equals(c.checkId()) && p.state() != State.WAIVED))
              .count();
      return 100.0 * ok / judged.size();
    }
    if (c.metric() == UnitMetric.COMPLIANT_PERCENT) {
      return u.own().compliantPercent();
    }
    if (c.metric() == UnitMetric.REPORTING_PERCENT) {
      return u.own().base() == 0 ? null : 100.0 * u.own().reporting() / u.own().base();
    }
    return null;
  }

  private static double points(ScoreModel.Criterion c, Double figure, double best) {
    if (figure == null) {
      return 0;
    }
    double p =
        switch (c.formula()) {
          case RATIO -> c.points() * figure / 100.0;
          case THRESHOLD -> passes(c, figure) ? c.points() : 0;
          case RELATIVE -> best <= 0 ? 0 : c.points() * figure / best;
        };
    return Math.max(0, Math.min(c.points(), p));
  }

  private static boolean passes(ScoreModel.Criterion c, double figure) {
    double t = c.threshold();
    return switch (c.op()) {
      case GE -> figure >= t;
      case GT -> figure > t;
      case LE -> figure <= t;
      case LT -> figure < t;
      case EQ -> figure == t;
      default -> false;
    };
  }

  /** Sorted by level, then points (best first), then code; equal points share a rank. */
  private static List<UnitScore> ranked(List<UnitScore> scores) {
    List<UnitScore> sorted = new ArrayList<>(scores);
    sorted.sort(
        Comparator.comparing((UnitScore s) -> s.level() == null ? "" : s.level())
            .thenComparing(Comparator.comparingDouble(UnitScore::points).reversed())
            .thenComparing(UnitScore::code));
    List<UnitScore> out = new ArrayList<>();
    String level = null;
    int rank = 0;
    int seen = 0;
    double last = Double.NaN;
    for (UnitScore s : sorted) {
      if (!java.util.Objects.equals(level, s.level())) {
        level = s.level();
        seen = 0;
        last = Double.NaN;
      }
      seen++;
      if (Double.isNaN(last) || Math.abs(s.points() - last) > 1e-9) {
        rank = seen;
        last = s.points();
      }
      out.add(
          new UnitScore(s.code(), s.name(), s.level(), rank, s.points(), s.maxPoints(), s.parts()));
    }
    return out;
  }
}
