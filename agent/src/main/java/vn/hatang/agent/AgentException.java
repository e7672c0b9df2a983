package vn.hatang.agent;

import java.util.List;
import java.util.Objects;
import vn.hatang.core.ExitCode;
import vn.hatang.core.i18n.Messages;

/**
 * The one exception users see: an exit code and a message key (agent bundle, then core bundle) with
 * its arguments. Printed as one line {@code error: ...}; the stack trace only with {@code
 * --verbose}.
 */
public final class AgentException extends Exception {
  private final ExitCode exitCode;
  private final String key;
  private final List<Object> args;

  /**
   * @param exitCode the process exit code
   * @param key message key
   * @param args message arguments
   */
  public AgentException(ExitCode exitCode, String key, Object... args) {
    this(exitCode, null, key, args);
  }

  /** As {@link #AgentException(ExitCode, String, Object...)}, keeping the cause for --verbose. */
  public AgentException(ExitCode exitCode, Throwable cause, String key, Object... args) {
    super(key + " " + List.of(args), cause);
    this.exitCode = Objects.requireNonNull(exitCode);
    this.key = Objects.requireNonNull(key);
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

  /** The message in the language of {@code messages}. */
  public String message(Messages messages) {
    return messages.get(key, args.toArray());
  }
}
