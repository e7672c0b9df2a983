package vn.hatang.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of one {@code lines:} entry, shared by the configuration file and the {@code --line}
 * flag. Pure and thread-safe.
 */
public final class LineRules {
  /** Line names as the snapshot schema accepts them. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public static final int MAX_STREAMS = 16;
  public static final int MAX_SECONDS = 60;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private LineRules() {}

  /**
   * What is wrong with one line.
   *
   * @param field the offending key ({@code name}, {@code endpoint}, ...), or {@code null} for the
   *     entry as a whole
   * @param key the message key, whose {@code {0}} is the place; {@code args} fill {@code {1}} on
   * @param args the message arguments after the place
   */
  public record Problem(String field, String key, List<Object> args) {
    public Problem {
      args = List.copyOf(args);
    }
  }

  /** The first problem of a line, or empty when it is good. */
  public static Optional<Problem> check(AgentConfig.Line line) {
    if (line.name() == null || !NAME.matcher(line.name()).matches()) {
      return problem(
          line.name() == null ? null : "name",
          "config.error.line.name",
          line.name() == null ? "" : line.name());
    }
    if (line.endpoint() == null || line.endpoint().isBlank()) {
      return problem(null, "config.error.line.noEndpoint", line.name());
    }
    if (!validEndpoint(line.endpoint())) {
      return problem("endpoint", "config.error.line.endpoint", line.endpoint());
    }
    if (line.bindAddress() != null
        && !IPV4.matcher(line.bindAddress()).matches()
        && !IPV6.matcher(line.bindAddress()).matches()) {
      return problem("bindAddress", "config.error.line.bindAddress", line.bindAddress());
    }
    if (line.streams() != null && (line.streams() < 1 || line.streams() > MAX_STREAMS)) {
      return problem(
          "streams",
          "config.error.line.streams",
          String.valueOf(MAX_STREAMS),
          String.valueOf(line.streams()));
    }
    if (line.seconds() != null && (line.seconds() < 1 || line.seconds() > MAX_SECONDS)) {
      return problem(
          "seconds",
          "config.error.line.seconds",
          String.valueOf(MAX_SECONDS),
          String.valueOf(line.seconds()));
    }
    if (line.maxBytes() != null && line.maxBytes() < 1) {
      return problem("maxBytes", "config.error.line.maxBytes", String.valueOf(line.maxBytes()));
    }
    return Optional.empty();
  }

  private static Optional<Problem> problem(String field, String key, Object... args) {
    return Optional.of(new Problem(field, key, List.of(args)));
  }

  /** An http:// or https:// URL with a host and without user name, query or fragment. */
  static boolean validEndpoint(String endpoint) {
    try {
      URI uri = new URI(endpoint);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getUserInfo() == null
          && uri.getQuery() == null
          && uri.getFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
