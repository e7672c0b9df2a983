package vn.hatang.agent.spool;

/**
 * Where the spool and the uploader report what they did (an eviction, a rejected file, a state file
 * replaced): a message key of the agent bundle and its arguments. The commands print each as one
 * line on stderr.
 */
@FunctionalInterface
public interface Notices {
  /** Drops every notice. */
  Notices NONE = (key, args) -> {};

  /** Reports one event. */
  void notice(String key, Object... args);
}
