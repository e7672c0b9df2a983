package vn.hatang.core.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes and reads frozen period reports as JSON (format {@link PeriodReport#FORMAT}, see {@code
 * docs/reporting.md}). Reading refuses unknown fields and other format versions, so that a report
 * renders the same later or not at all.
 */
public final class PeriodReportCodec {
  private PeriodReportCodec() {}

  /** The report as UTF-8 JSON. */
  public static byte[] write(PeriodReport report) {
    return FrozenJson.write(report);
  }

  /** The report as UTF-8 JSON and a line break, written to {@code out} as it is serialised. */
  public static void write(PeriodReport report, OutputStream out) throws IOException {
    FrozenJson.write(report, out);
  }

  /**
   * Reads a report written by {@link #write}.
   *
   * @throws IOException when it is not JSON of this format; the message says where
   */
  public static PeriodReport read(byte[] json) throws IOException {
    PeriodReport r = FrozenJson.read(json, PeriodReport.class);
    if (r.format() != PeriodReport.FORMAT) {
      throw new IOException("report format " + r.format() + ", expected " + PeriodReport.FORMAT);
    }
    return r;
  }
}
