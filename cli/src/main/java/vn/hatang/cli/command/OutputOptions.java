package vn.hatang.cli.command;

import picocli.CommandLine.Option;

/** Output options shared by reporting commands: {@code --format} ({@code --lang} is global). */
public final class OutputOptions {
  /** Output formats. */
  public enum Format {
    table,
    json,
    csv,
    xlsx,
    html,
    md;

    /** Formats written as a {@link vn.hatang.core.doc.Doc}: workbooks, web pages, Markdown. */
    public boolean document() {
      return this == xlsx || this == html || this == md;
    }
  }

  @Option(
      names = {"-f", "--format"},
      descriptionKey = "format",
      defaultValue = "table")
  Format format;

  public Format format() {
    return format;
  }
}
