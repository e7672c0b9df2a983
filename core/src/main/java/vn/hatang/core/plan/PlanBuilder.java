package vn.hatang.core.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.hatang.core.check.State;
import vn.hatang.core.report.MachineStatus;
import vn.hatang.core.report.PeriodReport;
import vn.hatang.core.standard.Check;
import vn.hatang.core.standard.LocalizedText;
import vn.hatang.core.standard.PriceTable;
import vn.hatang.core.standard.Severity;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.UnitCheck;

/**
 * Turns a period report's deficiencies into a remediation plan (see {@code docs/plan.md}):
 *
 * <ul>
 *   <li>each judged machine's failing checks become actions by price key; an action that covers
 *       others on the same machine (a new PC covers its RAM and SSD) replaces them;
 *   <li>machines needing the same action are grouped into one item with their count; an action
 *       priced per unit (a line upgrade) is bought once;
 *   <li>failing unit checks add their quantity (the missing UPSes, printers);
 *   <li>each item's deadline is the plan date plus the days the standard's {@code plan:} allows for
 *       its highest severity, its owner the unit's head, its cost {@code quantity × unit cost} (×
 *       12 for a monthly charge).
 * </ul>
 *
 * UNKNOWN findings are not planned (nobody knows what to buy): the unit's count of such machines is
 * given, as is the count of silent and never-seen machines. Pure.
 */
public final class PlanBuilder {
  private PlanBuilder() {}

  private static final class Agg {
    final Set<String> checks = new LinkedHashSet<>();
    final Set<String> machines = new LinkedHashSet<>();
    int pieces;
    Severity severity = Severity.LOW;
    LocalizedText title;
  }

  /**
   * Builds the plan.
   *
   * @param report the period report
   * @param standard the standard whose prices and deadlines apply (the report's unit standard)
   * @param planDate the day deadlines count from
   */
  public static Plan build(PeriodReport report, Standard standard, LocalDate planDate) {
    PriceTable prices = standard.reference().prices();
    Map<String, Check> checks = new HashMap<>();
    standard.checks().forEach(c -> checks.put(c.id(), c));
    Map<String, UnitCheck> unitChecks = new HashMap<>();
    standard.unitChecks().forEach(c -> unitChecks.put(c.id(), c));
    Map<String, List<PeriodReport.MachineRow>> byUnit = new HashMap<>();
    for (PeriodReport.MachineRow m : report.machines()) {
      byUnit.computeIfAbsent(m.unitCode(), k -> new ArrayList<>()).add(m);
    }
    List<Plan.UnitPlan> units = new ArrayList<>();
    long total = 0;
    for (PeriodReport.UnitRow u : report.units()) {
      Map<String, Agg> items = new TreeMap<>();
      int unknown = 0;
      for (PeriodReport.MachineRow m : byUnit.getOrDefault(u.code(), List.of())) {
        if (m.status() == MachineStatus.MISSING) {
          continue;
        }
        if (m.problems().stream().anyMatch(p -> p.state() == State.UNKNOWN)) {
          unknown++;
        }
        Map<String, Agg> own = new HashMap<>();
        for (PeriodReport.Problem p : m.problems()) {
          if (p.state() != State.FAIL) {
            continue;
          }
          String key = p.costKey() != null ? p.costKey() : "check:" + p.checkId();
          Agg a = own.computeIfAbsent(key, k -> new Agg());
          a.checks.add(p.checkId());
          a.severity = max(a.severity, severity(p.severity()));
          Check c = checks.get(p.checkId());
          a.title = c == null ? null : c.title();
        }
        coverWithin(own, prices);
        for (var e : own.entrySet()) {
          Agg a = items.computeIfAbsent(e.getKey(), k -> new Agg());
          a.checks.addAll(e.getValue().checks);
          a.machines.add(m.machineId());
          a.pieces++;
          a.severity = max(a.severity, e.getValue().severity);
          a.title = a.title == null ? e.getValue().title : a.title;
        }
      }
      for (PeriodReport.UnitResult f : u.findings()) {
        if (f.state() != State.FAIL) {
          continue;
        }
        String key = f.costKey() != null ? f.costKey() : "check:" + f.checkId();
        Agg a = items.computeIfAbsent(key, k -> new Agg());
        a.checks.add(f.checkId());
        a.pieces += Math.max(1, f.quantity());
        a.severity = max(a.severity, severity(f.severity()));
        a.title = a.title == null ? f.title() : a.title;
      }
      int silent = u.own().missing() + u.own().neverSeen();
      if (items.isEmpty() && unknown == 0 && silent == 0) {
        continue;
      }
      List<Plan.Item> planItems = new ArrayList<>();
      long unitTotal = 0;
      int unpriced = 0;
      for (var e : items.entrySet()) {
        String key = e.getKey();
        Agg a = e.getValue();
        PriceTable.Item price =
            prices == null || key.startsWith("check:") ? null : prices.items().get(key);
        boolean perUnit = price != null && price.perUnit();
        int quantity = perUnit ? 1 : a.pieces;
        int months = price != null && price.monthly() ? 12 : 1;
        Long cost = price == null ? null : quantity * price.unitCost() * months;
        if (cost == null) {
          unpriced++;
        } else {
          unitTotal += cost;
        }
        planItems.add(
            new Plan.Item(
                u.code() + "/" + key,
                price != null ? price.title() : a.title,
                key.startsWith("check:") ? null : key,
                List.copyOf(a.checks),
                List.copyOf(a.machines),
                quantity,
                price == null ? null : price.unitCost(),
                months,
                cost,
                a.severity.name().toLowerCase(Locale.ROOT),
                planDate.plusDays(standard.plan().daysFor(a.severity)),
                u.head(),
                null));
      }
      planItems.sort(
          Comparator.comparing((Plan.Item i) -> i.deadline()).thenComparing(Plan.Item::id));
      total += unitTotal;
      units.add(
          new Plan.UnitPlan(
              u.code(), u.name(), u.head(), planItems, unitTotal, unpriced, unknown, silent));
    }
    return new Plan(
        Plan.FORMAT,
        report.period(),
        planDate,
        standard.ref(),
        prices == null ? null : prices.currency(),
        units,
        total);
  }

  /** Drops the actions on one machine that another of its actions covers, keeping their checks. */
  private static void coverWithin(Map<String, Agg> own, PriceTable prices) {
    if (prices == null) {
      return;
    }
    for (String key : List.copyOf(own.keySet())) {
      PriceTable.Item item = prices.items().get(key);
      if (item == null || !own.containsKey(key)) {
        continue;
      }
      for (String covered : item.covers()) {
        Agg gone = own.remove(covered);
        if (gone != null) {
          Agg a = own.get(key);
          a.checks.addAll(gone.checks);
          a.severity = max(a.severity, gone.severity);
        }
      }
    }
  }

  private static Severity severity(String s) {
    try {
      return s == null ? Severity.MEDIUM : Severity.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Severity.MEDIUM;
    }
  }

  private static Severity max(Severity a, Severity b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
