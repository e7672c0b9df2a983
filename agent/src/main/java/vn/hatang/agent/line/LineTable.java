package vn.hatang.agent.line;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.TextTable;
import vn.hatang.core.snapshot.LineMeasurement;

/**
 * Renders line measurements as an aligned table, one row per line, then the reasons of the lines
 * that could not be measured. Numbers use a dot whatever the language. Thread-safe.
 */
public final class LineTable {
  private LineTable() {}

  /** The table, ending with a newline. */
  public static String render(List<LineMeasurement> lines, Messages messages) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          messages.get("measure.column.line"),
          messages.get("measure.column.status"),
          messages.get("measure.column.down"),
          messages.get("measure.column.up"),
          messages.get("measure.column.latency"),
          messages.get("measure.column.min"),
          messages.get("measure.column.jitter"),
          messages.get("measure.column.loaded"),
          messages.get("measure.column.bytes")
        });
    for (LineMeasurement m : lines) {
      rows.add(
          new String[] {
            m.name(),
            m.status(),
            number(m.downloadMbps()),
            number(m.uploadMbps()),
            number(m.latencyMs()),
            number(m.latencyMinMs()),
            number(m.jitterMs()),
            number(m.loadedLatencyMs()),
            m.bytesMoved() == null ? "-" : String.format(Locale.ROOT, "%,d", m.bytesMoved())
          });
    }
    StringBuilder out =
        new StringBuilder(
            TextTable.render(
                rows, new boolean[] {false, false, true, true, true, true, true, true, true}, ""));
    for (LineMeasurement m : lines) {
      if (!m.ok()) {
        out.append(messages.get("measure.reason", m.name(), m.status(), m.reason())).append('\n');
      }
    }
    return out.toString();
  }

  private static String number(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }
}
