package vn.hatang.core.report;

import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import vn.hatang.core.render.Safe;
import vn.hatang.core.render.TextTable;
import vn.hatang.core.report.PeriodReport.Counts;
import vn.hatang.core.report.PeriodReport.UnitRow;

/**
 * A period report for spreadsheets: one row per unit with its rolled-up counts, UTF-8 with a
 * byte-order mark, CRLF, stable English column names, numbers in ROOT form, cells that could run as
 * formulas neutralised.
 */
public final class ReportCsv {
  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "period",
          "unit_code",
          "unit_name",
          "level",
          "parent_code",
          "depth",
          "expected",
          "seen",
          "reporting",
          "stale",
          "silent",
          "never_seen",
          "pass",
          "fail",
          "unknown",
          "waived",
          "compliant",
          "compliant_percent",
          "unit_checks_failed",
          "unit_checks_unknown");

  private ReportCsv() {}

  /** Renders the units of the given levels (empty = all). */
  public static String render(PeriodReport r, Set<String> levels) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append(String.join(",", COLUMNS)).append("\r\n");
    for (UnitRow u : r.units()) {
      if (!levels.isEmpty() && !levels.contains(u.level())) {
        continue;
      }
      Counts c = u.total();
      StringJoiner row = new StringJoiner(",");
      cell(row, r.period());
      cell(row, u.code());
      cell(row, u.name());
      cell(row, u.level());
      cell(row, u.parentCode());
      for (int n :
          new int[] {
            u.depth(),
            c.expected(),
            c.seen(),
            c.reporting(),
            c.stale(),
            c.missing(),
            c.neverSeen(),
            c.pass(),
            c.fail(),
            c.unknown(),
            c.waived(),
            c.compliant()
          }) {
        row.add(Integer.toString(n));
      }
      Double pct = c.compliantPercent();
      row.add(pct == null ? "" : TextTable.number(Math.round(pct * 10) / 10.0));
      cell(row, ids(u, vn.hatang.core.check.State.FAIL));
      cell(row, ids(u, vn.hatang.core.check.State.UNKNOWN));
      out.append(row).append("\r\n");
    }
    return out.toString();
  }

  private static String ids(UnitRow u, vn.hatang.core.check.State state) {
    return String.join(
        " ", u.findings().stream().filter(f -> f.state() == state).map(f -> f.checkId()).toList());
  }

  private static void cell(StringJoiner row, String value) {
    row.add(Safe.csvCell(value));
  }
}
