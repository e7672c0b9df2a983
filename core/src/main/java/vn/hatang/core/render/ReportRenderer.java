package vn.hatang.core.render;

import java.io.IOException;
import java.io.Writer;
import vn.hatang.core.check.CheckReport;

/** Turns a check report into text in one format. Implementations are stateless. */
public interface ReportRenderer {
  /**
   * Renders a report.
   *
   * @param report the report (sorted and deterministic)
   * @param formats wording and numbers in the reader's language
   * @return the whole output, ending with a newline
   */
  String render(CheckReport report, Formats formats);

  /**
   * Renders a report to a writer: the same text as {@link #render(CheckReport, Formats)}, written
   * as one String (a {@link PartRenderer} writes bytes as it goes with its own {@code render}).
   * {@code out} is flushed, not closed.
   *
   * @param report the report (sorted and deterministic)
   * @param formats wording and numbers in the reader's language
   * @param out where the output goes
   * @throws IOException if {@code out} cannot be written
   */
  default void render(CheckReport report, Formats formats, Writer out) throws IOException {
    out.write(render(report, formats));
    out.flush();
  }

  /** The renderer for a format name: {@code table}, {@code json} or {@code csv}. */
  static ReportRenderer forFormat(String format) {
    return switch (format) {
      case "table" -> new TableRenderer();
      case "json" -> new JsonRenderer();
      case "csv" -> new CsvRenderer();
      default -> throw new IllegalArgumentException(format);
    };
  }
}
