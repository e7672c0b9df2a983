package vn.hatang.core.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.hatang.core.check.State;

/**
 * What changed from one period's frozen report to the next (see {@code docs/reporting.md}): units
 * whose compliance rose or fell, deficiencies fixed and new (per machine and per unit check),
 * machines added and machines gone silent. Pure; both reports are data.
 */
public final class ReportDelta {
  private ReportDelta() {}

  /**
   * A unit's compliance in both periods.
   *
   * @param code unit code
   * @param name unit name
   * @param before compliance in the previous period (per cent), or {@code null}
   * @param after compliance in this period, or {@code null}
   */
  public record UnitChange(String code, String name, Double before, Double after) {
    /** The change in points, or {@code null} when either side has no figure. */
    public Double change() {
      return before == null || after == null ? null : after - before;
    }
  }

  /**
   * A deficiency that appeared or went away.
   *
   * @param unitCode the unit
   * @param machineId the machine, or {@code null} for a unit check
   * @param hostname its host name
   * @param checkId the check
   */
  public record Deficiency(String unitCode, String machineId, String hostname, String checkId) {}

  /**
   * A machine that came or went.
   *
   * @param unitCode its unit
   * @param machineId its id
   * @param hostname its host name
   */
  public record Machine(String unitCode, String machineId, String hostname) {}

  /**
   * The delta.
   *
   * @param previous the previous period
   * @param current this period
   * @param improved units whose compliance rose
   * @param regressed units whose compliance fell
   * @param fixed deficiencies of the previous period gone now (on machines judged in both)
   * @param appeared deficiencies now that the previous period did not have
   * @param added machines seen now and not before
   * @param silenced machines judged before and silent or absent now (retired, or to chase)
   */
  public record Delta(
      String previous,
      String current,
      List<UnitChange> improved,
      List<UnitChange> regressed,
      List<Deficiency> fixed,
      List<Deficiency> appeared,
      List<Machine> added,
      List<Machine> silenced) {}

  /** Compares two reports. */
  public static Delta compare(PeriodReport before, PeriodReport after) {
    Map<String, PeriodReport.UnitRow> prevUnits = new HashMap<>();
    before.units().forEach(u -> prevUnits.put(u.code(), u));
    List<UnitChange> improved = new ArrayList<>();
    List<UnitChange> regressed = new ArrayList<>();
    List<Deficiency> fixed = new ArrayList<>();
    List<Deficiency> appeared = new ArrayList<>();
    for (PeriodReport.UnitRow u : after.units()) {
      PeriodReport.UnitRow p = prevUnits.get(u.code());
      UnitChange c =
          new UnitChange(
              u.code(),
              u.name(),
              p == null ? null : p.total().compliantPercent(),
              u.total().compliantPercent());
      if (c.change() != null && c.change() > 1e-9) {
        improved.add(c);
      } else if (c.change() != null && c.change() < -1e-9) {
        regressed.add(c);
      }
      Set<String> was = failing(p == null ? List.of() : p.findings());
      Set<String> is = failing(u.findings());
      for (String id : was) {
        if (!is.contains(id) && p != null && stateOf(u.findings(), id) == State.PASS) {
          fixed.add(new Deficiency(u.code(), null, null, id));
        }
      }
      for (String id : is) {
        if (!was.contains(id)) {
          appeared.add(new Deficiency(u.code(), null, null, id));
        }
      }
    }
    Map<String, PeriodReport.MachineRow> prevMachines = new HashMap<>();
    before.machines().forEach(m -> prevMachines.put(m.machineId(), m));
    Set<String> now = new java.util.HashSet<>();
    List<Machine> added = new ArrayList<>();
    List<Machine> silenced = new ArrayList<>();
    for (PeriodReport.MachineRow m : after.machines()) {
      now.add(m.machineId());
      PeriodReport.MachineRow p = prevMachines.get(m.machineId());
      boolean judgedNow = m.status() != MachineStatus.MISSING;
      boolean judgedBefore = p != null && p.status() != MachineStatus.MISSING;
      if (p == null) {
        added.add(new Machine(m.unitCode(), m.machineId(), m.hostname()));
      }
      if (judgedBefore && !judgedNow) {
        silenced.add(new Machine(m.unitCode(), m.machineId(), m.hostname()));
      }
      if (judgedBefore && judgedNow) {
        Set<String> was = fails(p);
        Set<String> is = fails(m);
        Set<String> open = new java.util.HashSet<>();
        m.problems().forEach(x -> open.add(x.checkId()));
        for (String id : was) {
          // Fixed: passes now (not merely unknown or waived).
          if (!open.contains(id)) {
            fixed.add(new Deficiency(m.unitCode(), m.machineId(), m.hostname(), id));
          }
        }
        for (String id : is) {
          if (!was.contains(id)) {
            appeared.add(new Deficiency(m.unitCode(), m.machineId(), m.hostname(), id));
          }
        }
      } else if (judgedNow) {
        for (String id : fails(m)) {
          appeared.add(new Deficiency(m.unitCode(), m.machineId(), m.hostname(), id));
        }
      }
    }
    for (PeriodReport.MachineRow p : before.machines()) {
      if (!now.contains(p.machineId()) && p.status() != MachineStatus.MISSING) {
        silenced.add(new Machine(p.unitCode(), p.machineId(), p.hostname()));
      }
    }
    return new Delta(
        before.period(), after.period(), improved, regressed, fixed, appeared, added, silenced);
  }

  private static Set<String> failing(List<PeriodReport.UnitResult> findings) {
    Set<String> out = new LinkedHashSet<>();
    for (PeriodReport.UnitResult f : findings) {
      if (f.state() == State.FAIL) {
        out.add(f.checkId());
      }
    }
    return out;
  }

  private static State stateOf(List<PeriodReport.UnitResult> findings, String id) {
    return findings.stream()
        .filter(f -> Objects.equals(f.checkId(), id))
        .map(PeriodReport.UnitResult::state)
        .findFirst()
        .orElse(null);
  }

  private static Set<String> fails(PeriodReport.MachineRow m) {
    Set<String> out = new LinkedHashSet<>();
    for (PeriodReport.Problem p : m.problems()) {
      if (p.state() == State.FAIL) {
        out.add(p.checkId());
      }
    }
    return out;
  }
}
