package vn.hatang.agent.line;

import java.time.Duration;
import java.util.Objects;
import vn.hatang.agent.config.AgentConfig;

/**
 * One line to measure, defaults applied. Immutable.
 *
 * @param name line name
 * @param endpoint the server's base URL, without a trailing slash
 * @param bindAddress local IP address to bind the sockets to, or {@code null}
 * @param streams parallel TCP connections per direction
 * @param seconds duration of each direction, in seconds
 * @param maxBytes most bytes per direction, or {@code null} for no cap
 */
public record LineSpec(
    String name, String endpoint, String bindAddress, int streams, int seconds, Long maxBytes) {
  /** Streams per direction when not configured. */
  public static final int DEFAULT_STREAMS = 4;

  /** Seconds per direction when not configured. */
  public static final int DEFAULT_SECONDS = 10;

  public LineSpec {
    Objects.requireNonNull(name);
    Objects.requireNonNull(endpoint);
    endpoint = endpoint.replaceAll("/+$", "");
  }

  /** The configured line with defaults for what is not set. */
  public static LineSpec of(AgentConfig.Line line) {
    return new LineSpec(
        line.name(),
        line.endpoint(),
        line.bindAddress(),
        line.streams() == null ? DEFAULT_STREAMS : line.streams(),
        line.seconds() == null ? DEFAULT_SECONDS : line.seconds(),
        line.maxBytes());
  }

  /**
   * The hard bound on the whole measurement of this line: {@code 2 × seconds × 2 + 30 s} (both
   * directions, with as much again for set-up, latency and slow answers).
   */
  public Duration hardDeadline() {
    return Duration.ofSeconds(2L * seconds * 2 + 30);
  }
}
