package vn.hatang.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.hatang.core.check.State;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.Safe;
import vn.hatang.core.render.TextTable;
import vn.hatang.core.report.PeriodReport.Counts;
import vn.hatang.core.report.PeriodReport.UnitResult;
import vn.hatang.core.report.PeriodReport.UnitRow;

/**
 * A period report for people: the units table (each unit with its descendants' machines rolled up;
 * expected, seen, reporting, stale, missing and never-seen machines beside the verdicts and the
 * compliance), the unit checks that fail or cannot be judged, the unit codes that matched no unit,
 * and the standard versions used. Aligned by display width, so Vietnamese names line up.
 */
public final class ReportTable {
  private ReportTable() {}

  /**
   * Renders a report.
   *
   * @param levels the unit levels to show (empty = all); totals still include the others
   */
  public static String render(PeriodReport r, Set<String> levels, Formats f) {
    Messages m = f.messages();
    StringBuilder out = new StringBuilder();
    out.append(m.get("report.title", r.period(), f.date(r.start()), f.date(r.end()))).append('\n');
    for (PeriodReport.StandardUsed s : r.standards()) {
      out.append(m.get("report.standardUsed", s.ref(), s.machines(), shortSha(s.sha256())))
          .append('\n');
    }
    out.append(m.get("report.unitStandard", r.unitStandard())).append("\n\n");

    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          m.get("col.code"),
          m.get("col.unitName"),
          m.get("col.level"),
          m.get("col.expected"),
          m.get("col.seen"),
          m.get("col.reporting"),
          m.get("col.staleCount"),
          m.get("col.missing"),
          m.get("col.neverSeen"),
          m.get("col.pass"),
          m.get("col.fail"),
          m.get("col.unknown"),
          m.get("col.compliant")
        });
    for (UnitRow u : r.units()) {
      if (!levels.isEmpty() && !levels.contains(u.level())) {
        continue;
      }
      Counts c = u.total();
      rows.add(
          new String[] {
            Safe.text(u.code()),
            "  ".repeat(levels.isEmpty() ? u.depth() : 0) + Safe.text(u.name()),
            Safe.text(u.level()),
            Integer.toString(c.expected()),
            Integer.toString(c.seen()),
            Integer.toString(c.reporting()),
            Integer.toString(c.stale()),
            Integer.toString(c.missing()),
            Integer.toString(c.neverSeen()),
            Integer.toString(c.pass()),
            Integer.toString(c.fail()),
            Integer.toString(c.unknown()),
            c.compliantPercent() == null ? "—" : f.number(c.compliantPercent()) + " %"
          });
    }
    boolean[] right = new boolean[13];
    for (int i = 3; i < right.length; i++) {
      right[i] = true;
    }
    out.append(TextTable.render(rows, right, ""));

    List<String[]> findings = new ArrayList<>();
    findings.add(
        new String[] {
          m.get("col.code"),
          m.get("col.unitName"),
          m.get("col.check"),
          m.get("col.state"),
          m.get("col.measured"),
          m.get("col.required"),
          m.get("col.shortfall")
        });
    for (UnitRow u : r.units()) {
      if (!levels.isEmpty() && !levels.contains(u.level())) {
        continue;
      }
      for (UnitResult x : u.findings()) {
        if (x.state() != State.FAIL && x.state() != State.UNKNOWN) {
          continue;
        }
        findings.add(
            new String[] {
              Safe.text(u.code()),
              Safe.text(u.name()),
              x.title() == null ? x.checkId() : x.title().in(m.locale()),
              f.state(x.state()),
              x.measured() == null ? "—" : f.value(x.measured(), x.unit()),
              x.required() == null ? "—" : f.value(x.required(), x.unit()),
              x.state() == State.UNKNOWN ? f.message(x.reason()) : f.value(x.shortfall(), x.unit())
            });
      }
    }
    if (findings.size() > 1) {
      out.append('\n').append(m.get("report.unitFindings")).append('\n');
      out.append(TextTable.render(findings, new boolean[7], "", lastFree(7)));
    }
    if (!r.unresolved().isEmpty()) {
      out.append('\n').append(m.get("report.unresolvedTitle")).append('\n');
      List<String[]> un = new ArrayList<>();
      un.add(new String[] {m.get("col.code"), m.get("col.machines"), m.get("col.reason")});
      for (PeriodReport.Unresolved x : r.unresolved()) {
        un.add(
            new String[] {
              Safe.text(x.code()), Integer.toString(x.machines()), f.message(x.reason())
            });
      }
      out.append(TextTable.render(un, new boolean[] {false, true, false}, "", lastFree(3)));
    }
    out.append('\n').append(summary(r, f)).append('\n');
    return out.toString();
  }

  /** The whole report's counts: the sum of the top-level units' totals. */
  public static Counts overall(PeriodReport r) {
    Counts all = Counts.ZERO;
    for (UnitRow u : r.units()) {
      if (u.depth() == 0) {
        all = all.plus(u.total());
      }
    }
    return all;
  }

  /** The summary line: machines seen, expected, by status, compliant, unknown units, snapshots. */
  public static String summary(PeriodReport r, Formats f) {
    Counts all = overall(r);
    int unresolvedMachines =
        r.unresolved().stream().mapToInt(PeriodReport.Unresolved::machines).sum();
    return f.messages()
        .get(
            "report.summary",
            all.seen(),
            all.expected(),
            all.reporting(),
            all.stale(),
            all.missing(),
            all.neverSeen(),
            all.compliant(),
            all.compliantPercent() == null ? "—" : f.number(all.compliantPercent()) + " %",
            unresolvedMachines,
            r.snapshots());
  }

  /** Every column cut at {@link TextTable#MAX_CELL} but the last, a reason read whole. */
  private static int[] lastFree(int columns) {
    int[] widths = new int[columns];
    java.util.Arrays.fill(widths, TextTable.MAX_CELL);
    widths[columns - 1] = 0;
    return widths;
  }

  private static String shortSha(String sha) {
    return sha == null ? "?" : sha.substring(0, Math.min(12, sha.length()));
  }
}
