package vn.hatang.core.report;

import java.util.ArrayList;
import java.util.List;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.Safe;
import vn.hatang.core.render.TextTable;

/** A delta between two periods for people. */
public final class DeltaTable {
  private DeltaTable() {}

  public static String render(ReportDelta.Delta d, Formats f) {
    Messages m = f.messages();
    StringBuilder out = new StringBuilder();
    out.append(m.get("delta.title", d.previous(), d.current())).append('\n');
    units(out, m.get("delta.improved", d.improved().size()), d.improved(), f);
    units(out, m.get("delta.regressed", d.regressed().size()), d.regressed(), f);
    deficiencies(out, m.get("delta.fixed", d.fixed().size()), d.fixed(), m);
    deficiencies(out, m.get("delta.appeared", d.appeared().size()), d.appeared(), m);
    machines(out, m.get("delta.added", d.added().size()), d.added(), m);
    machines(out, m.get("delta.silenced", d.silenced().size()), d.silenced(), m);
    return out.toString();
  }

  private static void units(
      StringBuilder out, String title, List<ReportDelta.UnitChange> list, Formats f) {
    out.append('\n').append(title).append('\n');
    if (list.isEmpty()) {
      return;
    }
    Messages m = f.messages();
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          m.get("col.code"), m.get("col.unitName"), m.get("col.before"), m.get("col.after")
        });
    for (ReportDelta.UnitChange c : list) {
      rows.add(
          new String[] {
            Safe.text(c.code()),
            Safe.text(c.name()),
            f.number(c.before()) + " %",
            f.number(c.after()) + " %"
          });
    }
    out.append(TextTable.render(rows, new boolean[] {false, false, true, true}, "  "));
  }

  private static void deficiencies(
      StringBuilder out, String title, List<ReportDelta.Deficiency> list, Messages m) {
    out.append('\n').append(title).append('\n');
    if (list.isEmpty()) {
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {m.get("col.code"), m.get("col.hostname"), m.get("col.check")});
    for (ReportDelta.Deficiency x : list) {
      rows.add(
          new String[] {
            Safe.text(x.unitCode()),
            x.machineId() == null ? m.get("delta.theUnit") : Safe.text(x.hostname()),
            x.checkId()
          });
    }
    out.append(TextTable.render(rows, new boolean[3], "  "));
  }

  private static void machines(
      StringBuilder out, String title, List<ReportDelta.Machine> list, Messages m) {
    out.append('\n').append(title).append('\n');
    if (list.isEmpty()) {
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {m.get("col.code"), m.get("col.hostname"), m.get("col.machineId")});
    for (ReportDelta.Machine x : list) {
      rows.add(
          new String[] {
            Safe.text(x.unitCode()), Safe.text(x.hostname()), Safe.text(x.machineId())
          });
    }
    out.append(TextTable.render(rows, new boolean[3], "  "));
  }

  /**
   * One row per change ({@code improved}, {@code regressed}, {@code fixed}, {@code appeared},
   * {@code added}, {@code silenced}), UTF-8 with BOM, CRLF, formula-like cells neutralised.
   */
  public static String csv(ReportDelta.Delta d) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append(
            "previous,current,change,unit_code,unit_name,machine_id,hostname,check_id,before,after")
        .append("\r\n");
    for (var c : d.improved()) {
      row(out, d, "improved", c.code(), c.name(), null, null, null, c.before(), c.after());
    }
    for (var c : d.regressed()) {
      row(out, d, "regressed", c.code(), c.name(), null, null, null, c.before(), c.after());
    }
    for (var x : d.fixed()) {
      row(
          out,
          d,
          "fixed",
          x.unitCode(),
          null,
          x.machineId(),
          x.hostname(),
          x.checkId(),
          null,
          null);
    }
    for (var x : d.appeared()) {
      row(
          out,
          d,
          "appeared",
          x.unitCode(),
          null,
          x.machineId(),
          x.hostname(),
          x.checkId(),
          null,
          null);
    }
    for (var x : d.added()) {
      row(out, d, "added", x.unitCode(), null, x.machineId(), x.hostname(), null, null, null);
    }
    for (var x : d.silenced()) {
      row(out, d, "silenced", x.unitCode(), null, x.machineId(), x.hostname(), null, null, null);
    }
    return out.toString();
  }

  private static void row(
      StringBuilder out,
      ReportDelta.Delta d,
      String change,
      String unit,
      String name,
      String machine,
      String host,
      String check,
      Double before,
      Double after) {
    java.util.StringJoiner r = new java.util.StringJoiner(",");
    for (String s :
        new String[] {d.previous(), d.current(), change, unit, name, machine, host, check}) {
      r.add(Safe.csvCell(s));
    }
    r.add(before == null ? "" : TextTable.number(Math.round(before * 10) / 10.0));
    r.add(after == null ? "" : TextTable.number(Math.round(after * 10) / 10.0));
    out.append(r).append("\r\n");
  }
}
