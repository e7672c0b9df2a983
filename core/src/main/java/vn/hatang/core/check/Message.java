package vn.hatang.core.check;

import java.util.List;

/**
 * A text to be shown to people, kept as a bundle key and arguments so each renderer can word it in
 * the reader's language.
 *
 * @param key message key in the core bundle
 * @param args arguments
 */
public record Message(String key, List<Object> args) {
  public Message {
    args = List.copyOf(args);
  }

  public static Message of(String key, Object... args) {
    return new Message(key, List.of(args));
  }
}
