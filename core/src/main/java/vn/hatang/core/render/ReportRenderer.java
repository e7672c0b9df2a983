package vn.hatang.core.render;

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
