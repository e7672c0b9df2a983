package vn.hatang.core.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.hatang.core.check.State;
import vn.hatang.core.report.MachineStatus;
import vn.hatang.core.report.PeriodReport;
import vn.hatang.core.standard.Check;
import vn.hatang.core.standard.Operator;
import vn.hatang.core.standard.PriceTable;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.Unit;
import vn.hatang.core.standard.UnitCheck;

/**
 * Reviews a unit's draft plan against the period report, as the province does before adopting it
 * (see {@code docs/plan.md}): the deficiencies no item covers, the items whose target would not
 * reach the standard, the items without owner, deadline or cost, and the coverage in per cent.
 *
 * <p>An item covers a machine's failing check when it names the check, or its price key is the
 * check's or covers it (a new PC covers a RAM upgrade); and it names the machine, or is bought once
 * for the unit (a line upgrade). It covers a failing unit check the same way when its quantity is
 * at least the pieces missing. An item with a {@code target} that falls short of a check's required
 * value covers nothing for that check. Pure.
 */
public final class PlanReview {
  private PlanReview() {}

  /**
   * A deficiency of the report.
   *
   * @param machineId the machine, or {@code null} for a unit check
   * @param checkId the check
   */
  public record Deficiency(String machineId, String checkId) {}

  /**
   * An item that would not reach a check's requirement.
   *
   * @param itemId the item
   * @param checkId the check
   * @param target what the item reaches, with its unit
   * @param required what the check requires, with its unit
   */
  public record Shortfall(String itemId, String checkId, String target, String required) {}

  /**
   * An item lacking what an adopted plan needs.
   *
   * @param itemId the item
   * @param missing {@code owner}, {@code deadline}, {@code cost}
   */
  public record Incomplete(String itemId, List<String> missing) {}

  /**
   * The review of one unit's draft.
   *
   * @param code unit code
   * @param name unit name
   * @param deficiencies deficiencies in the report
   * @param covered of them, covered by the draft
   * @param uncovered the ones no item covers
   * @param shortfalls items that would not reach the standard
   * @param incomplete items without owner, deadline or cost
   */
  public record UnitReview(
      String code,
      String name,
      int deficiencies,
      int covered,
      List<Deficiency> uncovered,
      List<Shortfall> shortfalls,
      List<Incomplete> incomplete) {
    public UnitReview {
      uncovered = List.copyOf(uncovered);
      shortfalls = List.copyOf(shortfalls);
      incomplete = List.copyOf(incomplete);
    }

    /** Covered deficiencies in per cent; 100 when there are none. */
    public double coveragePercent() {
      return deficiencies == 0 ? 100.0 : 100.0 * covered / deficiencies;
    }

    /** Whether the draft can be adopted as it is. */
    public boolean complete() {
      return uncovered.isEmpty() && shortfalls.isEmpty() && incomplete.isEmpty();
    }
  }

  /** Reviews every unit of the draft. */
  public static List<UnitReview> review(Plan draft, PeriodReport report, Standard standard) {
    Map<String, Check> checks = new HashMap<>();
    standard.checks().forEach(c -> checks.put(c.id(), c));
    Map<String, UnitCheck> unitChecks = new HashMap<>();
    standard.unitChecks().forEach(c -> unitChecks.put(c.id(), c));
    PriceTable prices = standard.reference().prices();
    Map<String, PeriodReport.UnitRow> rows = new HashMap<>();
    report.units().forEach(u -> rows.put(u.code(), u));
    List<UnitReview> out = new ArrayList<>();
    for (Plan.UnitPlan unit : draft.units()) {
      List<Shortfall> shortfalls = new ArrayList<>();
      List<Incomplete> incomplete = new ArrayList<>();
      for (Plan.Item item : unit.items()) {
        List<String> missing = new ArrayList<>();
        if (item.owner() == null || item.owner().isBlank()) {
          missing.add("owner");
        }
        if (item.deadline() == null) {
          missing.add("deadline");
        }
        if (item.cost() == null) {
          missing.add("cost");
        }
        if (!missing.isEmpty()) {
          incomplete.add(new Incomplete(item.id(), missing));
        }
        for (String c : item.checks()) {
          shortOf(item, c, checks, unitChecks).ifPresent(shortfalls::add);
        }
      }
      List<Deficiency> uncovered = new ArrayList<>();
      int total = 0;
      for (PeriodReport.MachineRow m : report.machines()) {
        if (!m.unitCode().equals(unit.code()) || m.status() == MachineStatus.MISSING) {
          continue;
        }
        for (PeriodReport.Problem p : m.problems()) {
          if (p.state() != State.FAIL) {
            continue;
          }
          total++;
          boolean covered =
              unit.items().stream()
                  .anyMatch(
                      i ->
                          names(i, p.checkId(), p.costKey(), prices)
                              && reaches(i, p.checkId(), checks, unitChecks)
                              && (i.machines().contains(m.machineId()) || perUnit(i, prices)));
          if (!covered) {
            uncovered.add(new Deficiency(m.machineId(), p.checkId()));
          }
        }
      }
      PeriodReport.UnitRow row = rows.get(unit.code());
      if (row != null) {
        for (PeriodReport.UnitResult f : row.findings()) {
          if (f.state() != State.FAIL) {
            continue;
          }
          total++;
          boolean covered =
              unit.items().stream()
                  .anyMatch(
                      i ->
                          names(i, f.checkId(), f.costKey(), prices)
                              && reaches(i, f.checkId(), checks, unitChecks)
                              && i.quantity() >= f.quantity());
          if (!covered) {
            uncovered.add(new Deficiency(null, f.checkId()));
          }
        }
      }
      out.add(
          new UnitReview(
              unit.code(),
              unit.name(),
              total,
              total - uncovered.size(),
              uncovered,
              shortfalls,
              incomplete));
    }
    return out;
  }

  private static boolean names(Plan.Item i, String checkId, String costKey, PriceTable prices) {
    if (i.checks().contains(checkId)) {
      return true;
    }
    if (i.costKey() == null || costKey == null) {
      return false;
    }
    if (i.costKey().equals(costKey)) {
      return true;
    }
    PriceTable.Item price = prices == null ? null : prices.items().get(i.costKey());
    return price != null && price.covers().contains(costKey);
  }

  private static boolean perUnit(Plan.Item i, PriceTable prices) {
    PriceTable.Item price =
        prices == null || i.costKey() == null ? null : prices.items().get(i.costKey());
    return price != null && price.perUnit();
  }

  private static boolean reaches(
      Plan.Item i, String checkId, Map<String, Check> checks, Map<String, UnitCheck> unitChecks) {
    return shortOf(i, checkId, checks, unitChecks).isEmpty();
  }

  /** The shortfall of an item's target against a numeric check, if the target falls short. */
  private static Optional<Shortfall> shortOf(
      Plan.Item i, String checkId, Map<String, Check> checks, Map<String, UnitCheck> unitChecks) {
    if (i.target() == null) {
      return Optional.empty();
    }
    Operator op;
    double required;
    String unit;
    Check c = checks.get(checkId);
    UnitCheck u = unitChecks.get(checkId);
    if (c != null && c.value() instanceof Number n) {
      op = c.op();
      required = n.doubleValue();
      unit = c.unit();
    } else if (u != null) {
      op = u.op();
      required = u.value();
      unit = u.unit();
    } else {
      return Optional.empty();
    }
    Optional<Unit> tu =
        i.target().unit() == null ? Optional.empty() : Unit.parse(i.target().unit());
    Optional<Unit> ru = unit == null ? Optional.empty() : Unit.parse(unit);
    if (tu.isPresent() != ru.isPresent()
        || (tu.isPresent() && tu.get().dimension() != ru.get().dimension())) {
      return Optional.of(shortfall(i, checkId, required, unit));
    }
    double t = tu.map(x -> x.toBase(i.target().value())).orElse(i.target().value());
    double r = ru.map(x -> x.toBase(required)).orElse(required);
    boolean ok =
        switch (op) {
          case GE -> t >= r;
          case GT -> t > r;
          case LE -> t <= r;
          case LT -> t < r;
          case EQ -> t == r;
          default -> true;
        };
    return ok ? Optional.empty() : Optional.of(shortfall(i, checkId, required, unit));
  }

  private static Shortfall shortfall(Plan.Item i, String checkId, double required, String unit) {
    return new Shortfall(
        i.id(),
        checkId,
        number(i.target().value()) + (i.target().unit() == null ? "" : " " + i.target().unit()),
        number(required) + (unit == null ? "" : " " + unit));
  }

  private static String number(double d) {
    return vn.hatang.core.render.TextTable.number(d);
  }
}
