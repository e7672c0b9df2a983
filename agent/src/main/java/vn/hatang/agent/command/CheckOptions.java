package vn.hatang.agent.command;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import picocli.CommandLine.Option;
import vn.hatang.core.standard.StandardCatalog;

/** Options of the desk self-check: which standard, which day, which format, which waivers. */
public final class CheckOptions {
  /** Output formats of the check. */
  public enum Format {
    table,
    json,
    csv,
    xlsx,
    html,
    md
  }

  @Option(
      names = {"-s", "--standard"},
      paramLabel = "ID[@VERSION]|FILE",
      descriptionKey = "check.option.standard")
  String standard;

  @Option(
      names = "--standards-dir",
      paramLabel = "DIR",
      descriptionKey = "check.option.standardsDir")
  Path standardsDir;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", descriptionKey = "check.option.date")
  LocalDate date;

  @Option(
      names = {"-f", "--format"},
      defaultValue = "table",
      descriptionKey = "check.option.format")
  Format format;

  @Option(names = "--strict", descriptionKey = "check.option.strict")
  boolean strict;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      descriptionKey = "check.option.output")
  Path output;

  @Option(names = "--waivers", paramLabel = "FILE", descriptionKey = "check.option.waivers")
  Path waivers;

  /** Bundled standards plus {@code --standards-dir} or {@code HATANG_STANDARDS_DIR}. */
  StandardCatalog catalog(Map<String, String> env) {
    return StandardCatalog.open(standardsDir, env);
  }
}
