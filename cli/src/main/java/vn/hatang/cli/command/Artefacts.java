package vn.hatang.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.hatang.cli.UserException;
import vn.hatang.core.ExitCode;
import vn.hatang.core.plan.Plan;
import vn.hatang.core.plan.PlanCodec;
import vn.hatang.core.render.Safe;
import vn.hatang.core.report.PeriodReport;
import vn.hatang.core.report.PeriodReportCodec;

/** Reads hatang's own artefacts (frozen reports, plans) with a size limit and a clear error. */
final class Artefacts {
  /** The largest frozen report or plan read back. */
  static final long MAX_BYTES = 512L * 1024 * 1024;

  private Artefacts() {}

  private interface Codec<T> {
    T read(byte[] json) throws IOException;
  }

  /** A frozen report (exit 3 with the place when it cannot be read). */
  static PeriodReport report(Path file) {
    return read(file, PeriodReportCodec::read, "report.unreadable");
  }

  /** A plan or a draft (exit 3 with the line, column and JSON path when it cannot be read). */
  static Plan plan(Path file) {
    return read(file, PlanCodec::read, "plan.unreadable");
  }

  private static <T> T read(Path file, Codec<T> codec, String unreadableKey) {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new UserException(
            ExitCode.INVALID_INPUT, "report.tooLarge", file.toString(), MAX_BYTES);
      }
      return codec.read(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UserException(
          ExitCode.INVALID_INPUT, unreadableKey, file.toString(), Safe.text(e.getMessage()));
    }
  }
}
