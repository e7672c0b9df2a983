package vn.hatang.cli.command;

import picocli.CommandLine.Option;

/** Output options shared by reporting commands: {@code --format} and {@code --lang}. */
public final class OutputOptions {
  /** Output formats. */
  public enum Format {
    table,
    json,
    csv
  }

  @Option(
      names = {"-f", "--format"},
      descriptionKey = "format",
      defaultValue = "table")
  Format format;

  // Read before picocli runs (HatangMain.langFlag) so help is translated; declared for --help.
  @Option(names = "--lang", descriptionKey = "lang", paramLabel = "vi|en")
  String lang;

  public Format format() {
    return format;
  }
}
