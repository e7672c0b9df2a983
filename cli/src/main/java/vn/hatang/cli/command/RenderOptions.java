package vn.hatang.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -f FORMAT} and {@code -o FILE} of the commands that write reports, plans and scores. */
public final class RenderOptions {
  @Option(
      names = {"-f", "--format"},
      descriptionKey = "format",
      defaultValue = "table")
  OutputOptions.Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      descriptionKey = "report.output")
  Path output;
}
