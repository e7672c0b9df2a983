package vn.hatang.core.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hatang.core.check.State;
import vn.hatang.core.report.MachineStatus;
import vn.hatang.core.report.PeriodReport;

/**
 * How far an adopted plan has come, from a later period report (see {@code docs/plan.md}): an item
 * is cleared when none of its checks still fails or is undecided on any of its machines as the
 * latest snapshots show them (a unit check: when it passes); partly cleared when some of its
 * machines are. A machine silent in the report is not counted as cleared. Pure.
 */
public final class PlanProgress {
  private PlanProgress() {}

  /**
   * One item's progress.
   *
   * @param itemId the item
   * @param deadline its deadline, or {@code null}
   * @param machines its machines (0 for a unit action)
   * @param clearedMachines of them, cleared
   * @param cleared whether the item is cleared
   * @param overdue whether it is not cleared and its deadline is before the report's end
   */
  public record ItemProgress(
      String itemId,
      java.time.LocalDate deadline,
      int machines,
      int clearedMachines,
      boolean cleared,
      boolean overdue) {}

  /**
   * One unit's progress.
   *
   * @param code unit code
   * @param name unit name
   * @param items items of the adopted plan
   * @param cleared items cleared
   * @param overdue items not cleared past their deadline
   * @param progress the items
   */
  public record UnitProgress(
      String code, String name, int items, int cleared, int overdue, List<ItemProgress> progress) {
    public UnitProgress {
      progress = List.copyOf(progress);
    }

    /** Cleared items in per cent; 100 for a plan without items. */
    public double percent() {
      return items == 0 ? 100.0 : 100.0 * cleared / items;
    }
  }

  /** The progress of every unit of the plan. */
  public static List<UnitProgress> of(Plan adopted, PeriodReport report) {
    Map<String, PeriodReport.MachineRow> machines = new HashMap<>();
    report.machines().forEach(m -> machines.put(m.machineId(), m));
    Map<String, PeriodReport.UnitRow> units = new HashMap<>();
    report.units().forEach(u -> units.put(u.code(), u));
    List<UnitProgress> out = new ArrayList<>();
    for (Plan.UnitPlan u : adopted.units()) {
      List<ItemProgress> items = new ArrayList<>();
      int cleared = 0;
      int overdue = 0;
      for (Plan.Item i : u.items()) {
        boolean done;
        int ok = 0;
        if (i.machines().isEmpty()) {
          PeriodReport.UnitRow row = units.get(u.code());
          Set<String> failing = new HashSet<>();
          if (row != null) {
            row.findings().stream()
                .filter(f -> f.state() != State.PASS && f.state() != State.NOT_APPLICABLE)
                .forEach(f -> failing.add(f.checkId()));
            // A per-unit action on machine checks (a line upgrade): its checks on every machine.
            for (PeriodReport.MachineRow m : report.machines()) {
              if (m.unitCode().equals(u.code()) && m.status() != MachineStatus.MISSING) {
                m.problems().forEach(p -> failing.add(p.checkId()));
              }
            }
          }
          done = row != null && i.checks().stream().noneMatch(failing::contains);
        } else {
          for (String id : i.machines()) {
            PeriodReport.MachineRow m = machines.get(id);
            if (m != null
                && m.status() != MachineStatus.MISSING
                && m.problems().stream().noneMatch(p -> i.checks().contains(p.checkId()))) {
              ok++;
            }
          }
          done = ok == i.machines().size();
        }
        boolean late = !done && i.deadline() != null && i.deadline().isBefore(report.end());
        items.add(new ItemProgress(i.id(), i.deadline(), i.machines().size(), ok, done, late));
        cleared += done ? 1 : 0;
        overdue += late ? 1 : 0;
      }
      out.add(new UnitProgress(u.code(), u.name(), u.items().size(), cleared, overdue, items));
    }
    return out;
  }
}
