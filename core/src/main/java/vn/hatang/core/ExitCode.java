package vn.hatang.core;

/**
 * The exit codes of both {@code hatang} and {@code hatang-agent}, defined once. When a run has
 * several outcomes the highest code wins (an invalid input outranks deficiencies found in other
 * inputs, so a cron job never mistakes a half-read run for a clean one).
 */
public enum ExitCode {
  /** Every machine judged is compliant. */
  OK(0),
  /** At least one deficiency was found (with {@code --strict}, also an UNKNOWN finding). */
  DEFICIENCIES(1),
  /** The command line was wrong. */
  USAGE(2),
  /** An input (snapshot, standard, configuration) could not be read; the others were judged. */
  INVALID_INPUT(3),
  /** A bug or an unexpected failure of the environment. */
  INTERNAL(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The numeric process exit code. */
  public int code() {
    return code;
  }

  /** The message-bundle key describing this code, for {@code --help}. */
  public String messageKey() {
    return "exit." + name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Returns the more severe of two outcomes. */
  public ExitCode max(ExitCode other) {
    return other.code > code ? other : this;
  }
}
