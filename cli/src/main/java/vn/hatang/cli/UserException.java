package vn.hatang.cli;

import java.util.List;
import vn.hatang.core.ExitCode;

/**
 * The one user-facing failure: shown as a single line {@code error: <message>} (the stack trace
 * only with {@code --verbose}) and ending the run with its exit code.
 */
public final class UserException extends RuntimeException {
  private final ExitCode exitCode;
  private final String key;
  private final List<Object> args;

  /**
   * @param exitCode the exit code
   * @param key message key in the cli or core bundle
   * @param args message arguments
   */
  public UserException(ExitCode exitCode, String key, Object... args) {
    super(key);
    this.exitCode = exitCode;
    this.key = key;
    this.args = List.of(args);
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  public String key() {
    return key;
  }

  public List<Object> args() {
    return args;
  }
}
