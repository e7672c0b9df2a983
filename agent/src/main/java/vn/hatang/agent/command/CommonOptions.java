package vn.hatang.agent.command;

import picocli.CommandLine.Option;

/**
 * Options every agent command takes. {@code --lang} is also pre-scanned by {@link
 * vn.hatang.agent.AgentMain} (the language must be set before the help text is built) and {@code
 * --verbose} by its exception handler; they are declared here so that help lists them.
 */
public final class CommonOptions {
  @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "option.lang")
  String lang;

  @Option(names = "--verbose", descriptionKey = "option.verbose")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      descriptionKey = "option.quiet")
  boolean quiet;
}
