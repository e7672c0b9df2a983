package vn.hatang.core.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import vn.hatang.core.check.Finding;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.waiver.Waiver;

/**
 * One row per finding, for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Vietnamese),
 * CRLF line ends, stable English column names ({@code op} as the operator's name, {@code GE},
 * {@code DATE_AFTER}...), cells that could run as formulas neutralised.
 */
public final class CsvRenderer implements PartRenderer {
  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "unit_code",
          "unit_name",
          "hostname",
          "machine_id",
          "snapshot_id",
          "taken_at",
          "age_days",
          "stale",
          "source",
          "verdict",
          "check_id",
          "check_title",
          "state",
          "severity",
          "measured",
          "op",
          "required",
          "unit",
          "shortfall",
          "reason",
          "remediation",
          "cost_key",
          "unit_cost",
          "waiver_status",
          "waiver_scope",
          "waiver_target",
          "waiver_approved_by",
          "waiver_approved_on",
          "waiver_expires",
          "waiver_justification",
          "waiver_plan_item");

  /** The BOM and the header row, then each machine's rows. {@code out} is flushed, not closed. */
  @Override
  public void write(RunSummary summary, Formats f, Iterator<byte[]> parts, OutputStream out)
      throws IOException {
    out.write(("\uFEFF" + String.join(",", COLUMNS) + "\r\n").getBytes(StandardCharsets.UTF_8));
    while (parts.hasNext()) {
      out.write(parts.next());
    }
    out.flush();
  }

  /** One row per finding of the machine, each ending with CRLF. */
  @Override
  public byte[] part(MachineResult r, Standard standard, Formats f) {
    Locale locale = f.messages().locale();
    StringBuilder out = new StringBuilder();
    Snapshot s = r.snapshot();
    for (Finding x : r.findings()) {
      StringJoiner row = new StringJoiner(",");
      cell(row, s.unit() == null ? null : s.unit().code());
      cell(row, s.unit() == null ? null : s.unit().name());
      cell(row, s.machine().hostname());
      cell(row, s.machine().machineId());
      cell(row, s.snapshotId().toString());
      cell(row, s.takenAt().toString());
      cell(row, Long.toString(r.ageDays()));
      cell(row, Boolean.toString(r.stale()));
      cell(row, r.source());
      cell(row, r.verdict().name());
      cell(row, x.check().id());
      cell(row, x.check().title() == null ? null : x.check().title().in(locale));
      cell(row, x.state().name());
      cell(row, x.check().severity().name());
      cell(row, raw(x.measured()));
      cell(row, x.check().op().name());
      cell(row, raw(x.required()));
      cell(row, x.check().unit());
      cell(row, x.shortfall() == null ? null : raw(x.shortfall()));
      cell(row, x.reason() == null ? null : f.message(x.reason()));
      cell(
          row,
          x.check().remediation() == null || x.check().remediation().action() == null
              ? null
              : x.check().remediation().action().in(locale));
      cell(row, x.check().remediation() == null ? null : x.check().remediation().costKey());
      cell(row, x.unitCost() == null ? null : x.unitCost().toString());
      Waiver w = x.waiver();
      cell(row, w == null ? null : x.waiverExpired() ? "expired" : "applied");
      cell(row, w == null ? null : w.scope().word());
      cell(row, w == null ? null : w.target());
      cell(row, w == null ? null : w.approvedBy());
      cell(row, w == null ? null : w.approvedOn().toString());
      cell(row, w == null ? null : w.expires().toString());
      cell(row, w == null ? null : w.justification());
      cell(row, w == null ? null : w.planItem());
      out.append(row.toString()).append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void cell(StringJoiner row, String value) {
    row.add(Safe.csvCell(value));
  }

  /** Raw values with a dot decimal separator, whatever the language. */
  private static String raw(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return d == Math.rint(d)
          ? Long.toString(d.longValue())
          : String.format(Locale.ROOT, "%.2f", d);
    }
    if (v instanceof List<?> l) {
      StringJoiner j = new StringJoiner("|");
      l.forEach(x -> j.add(String.valueOf(x)));
      return j.toString();
    }
    return String.valueOf(v);
  }
}
