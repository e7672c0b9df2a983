package vn.hatang.core.render;

import java.util.ArrayList;
import java.util.List;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.check.Finding;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.check.State;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.Standard;

/**
 * The pass/fail table for people: one row per machine, then each non-compliant machine's
 * deficiencies (FAIL and UNKNOWN findings), then a summary line. Columns are aligned by display
 * width, so Vietnamese text lines up.
 */
public final class TableRenderer implements ReportRenderer {
  @Override
  public String render(CheckReport report, Formats f) {
    Messages m = f.messages();
    Standard std = report.standard();
    StringBuilder out = new StringBuilder();
    out.append(
            m.get(
                "table.standard",
                std.id(),
                std.version(),
                std.title() == null ? "" : std.title().in(m.locale()),
                std.sha256().substring(0, 12)))
        .append('\n');
    out.append(m.get("table.evaluated", report.evaluationDate().toString())).append("\n\n");

    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          m.get("col.unit"),
          m.get("col.hostname"),
          m.get("col.verdict"),
          m.get("col.pass"),
          m.get("col.fail"),
          m.get("col.unknown"),
          m.get("col.na"),
          m.get("col.age")
        });
    for (MachineResult r : report.machines()) {
      rows.add(
          new String[] {
            unit(r.snapshot()),
            Safe.text(r.snapshot().machine().hostname()),
            f.state(r.verdict()),
            Long.toString(r.count(State.PASS)),
            Long.toString(r.count(State.FAIL)),
            Long.toString(r.count(State.UNKNOWN)),
            Long.toString(r.count(State.NOT_APPLICABLE)),
            r.stale() ? m.get("table.stale", r.ageDays()) : Long.toString(r.ageDays())
          });
    }
    table(out, rows, new boolean[] {false, false, false, true, true, true, true, true}, "");

    for (MachineResult r : report.machines()) {
      if (r.verdict() != State.FAIL && r.verdict() != State.UNKNOWN) {
        continue;
      }
      out.append('\n')
          .append(
              m.get(
                  "table.deficiencies",
                  Safe.text(r.snapshot().machine().hostname()),
                  unit(r.snapshot())))
          .append('\n');
      List<String[]> d = new ArrayList<>();
      d.add(
          new String[] {
            m.get("col.check"),
            m.get("col.state"),
            m.get("col.measured"),
            m.get("col.required"),
            m.get("col.shortfall"),
            m.get("col.remediation")
          });
      String currency =
          std.reference().prices() == null ? null : std.reference().prices().currency();
      for (Finding x : r.findings()) {
        if (x.state() != State.FAIL && x.state() != State.UNKNOWN) {
          continue;
        }
        d.add(
            new String[] {
              x.check().title() == null ? x.check().id() : x.check().title().in(m.locale()),
              f.state(x.state()),
              f.measured(x),
              f.required(x.check(), x.required()),
              f.reasonOrShortfall(x),
              x.state() == State.FAIL ? f.remediation(x, currency) : ""
            });
      }
      out.append(TextTable.render(d, new boolean[6], "  ", new int[] {44, 0, 24, 36, 64, 0}));
    }
    out.append('\n')
        .append(
            m.get(
                "table.summary",
                report.machines().size(),
                report.count(State.PASS) + report.count(State.NOT_APPLICABLE),
                report.count(State.FAIL),
                report.count(State.UNKNOWN),
                report.errors().size(),
                report.staleCount(),
                report.standard().freshnessDays()))
        .append('\n');
    return out.toString();
  }

  private static String unit(Snapshot s) {
    if (s.unit() == null) {
      return "—";
    }
    String code = s.unit().code() == null ? "" : s.unit().code();
    String name = s.unit().name() == null ? "" : s.unit().name();
    return Safe.text((code + " " + name).trim());
  }

  private static void table(
      StringBuilder out, List<String[]> rows, boolean[] right, String indent) {
    out.append(TextTable.render(rows, right, indent));
  }
}
