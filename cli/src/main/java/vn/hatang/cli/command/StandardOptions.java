package vn.hatang.cli.command;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import picocli.CommandLine.Option;
import vn.hatang.cli.UserException;
import vn.hatang.core.ExitCode;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardCatalog;
import vn.hatang.core.standard.StandardException;

/** Which standard to judge by, and on which day. */
public final class StandardOptions {
  @Option(
      names = {"-s", "--standard"},
      descriptionKey = "standard",
      paramLabel = "ID[@VERSION]|FILE")
  String standard;

  @Option(names = "--standards-dir", descriptionKey = "standardsDir", paramLabel = "DIR")
  Path standardsDir;

  @Option(names = "--date", descriptionKey = "date", paramLabel = "YYYY-MM-DD")
  LocalDate date;

  /**
   * The catalog: bundled standards plus {@code --standards-dir} or {@code HATANG_STANDARDS_DIR}.
   */
  public StandardCatalog catalog(java.util.Map<String, String> env) {
    return StandardCatalog.open(standardsDir, env);
  }

  /**
   * Loads the chosen standard.
   *
   * @throws StandardException listing the problems
   */
  public Standard load(java.util.Map<String, String> env) throws StandardException {
    return catalog(env).loadInForce(standard, evaluationDate());
  }

  /** The evaluation date: {@code --date}, else today on this machine's clock. */
  public LocalDate evaluationDate() {
    return date != null ? date : LocalDate.now(ZoneId.systemDefault());
  }

  /** Turns a standards failure into the user-facing error (exit 3), after listing problems. */
  public static UserException invalid(StandardException e) {
    return new UserException(ExitCode.INVALID_INPUT, "error.standardInvalid", e.problems().size());
  }
}
