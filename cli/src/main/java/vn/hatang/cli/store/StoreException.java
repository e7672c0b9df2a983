package vn.hatang.cli.store;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.hatang.core.i18n.Messages;

/**
 * The store could not be read or written (the collector answers 5xx, a command exits 4). Its
 * message is English, for logs; {@link #localized} words it in the reader's language. Messages
 * never hold a database password.
 */
public final class StoreException extends Exception {
  /** The bundle the keyed messages come from (the checker's). */
  static final String BUNDLE = "vn.hatang.cli.messages";

  private final String key;
  private final List<Object> args;

  /** A failure with a plain (English) message. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
    this.key = null;
    this.args = List.of();
  }

  /**
   * A failure worded by a message key of the checker's bundle.
   *
   * @param cause what went wrong underneath, or {@code null}
   * @param key the message key
   * @param args its arguments (already free of passwords)
   */
  public StoreException(Throwable cause, String key, Object... args) {
    super(Messages.of(Locale.ENGLISH, BUNDLE).get(key, args), cause);
    this.key = key;
    this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
  }

  /** The message key, when the failure has one. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /** The message arguments (empty without a key). */
  public List<Object> args() {
    return args;
  }

  /** The message in the language of {@code messages}. */
  public String localized(Messages messages) {
    return key == null ? getMessage() : messages.get(key, args.toArray());
  }
}
