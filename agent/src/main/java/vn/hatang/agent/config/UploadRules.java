package vn.hatang.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of the {@code collector:}, {@code schedule:} and {@code spool:} sections. A problem
 * never quotes the token: it names the key only. Pure and thread-safe.
 */
public final class UploadRules {
  public static final int MAX_TIMEOUT_SECONDS = 600;
  public static final int MAX_LINE_INTERVAL_HOURS = 24 * 366;
  public static final int MAX_RANDOM_DELAY_SECONDS = 24 * 3600;

  /** What an upload token looks like ({@code hat_<id>_<secret>}), to blank it out of messages. */
  private static final Pattern TOKEN_LIKE = Pattern.compile("hat_[A-Za-z0-9_-]+");

  /** Printable ASCII without space: all a token may hold (it goes into an HTTP header). */
  private static final Pattern TOKEN_CHARS = Pattern.compile("[\\x21-\\x7e]+");

  private UploadRules() {}

  /**
   * What is wrong with one of the sections.
   *
   * @param pointer the JSON pointer of the offending key or section ({@code /collector/url})
   * @param key the message key, whose {@code {0}} is the place; {@code args} fill {@code {1}} on
   * @param args the message arguments after the place
   */
  public record Problem(String pointer, String key, List<Object> args) {
    public Problem {
      args = List.copyOf(args);
    }
  }

  /** The first problem of the three sections, or empty when they are good (or absent). */
  public static Optional<Problem> check(AgentConfig config) {
    Optional<Problem> problem = checkCollector(config.collector());
    if (problem.isPresent()) {
      return problem;
    }
    AgentConfig.Schedule schedule = config.schedule();
    if (schedule != null) {
      if (outside(schedule.lineIntervalHours(), 0, MAX_LINE_INTERVAL_HOURS)) {
        return problem(
            "/schedule/lineIntervalHours",
            "config.error.schedule.lineInterval",
            MAX_LINE_INTERVAL_HOURS,
            schedule.lineIntervalHours());
      }
      if (outside(schedule.randomDelaySeconds(), 0, MAX_RANDOM_DELAY_SECONDS)) {
        return problem(
            "/schedule/randomDelaySeconds",
            "config.error.schedule.randomDelay",
            MAX_RANDOM_DELAY_SECONDS,
            schedule.randomDelaySeconds());
      }
    }
    AgentConfig.Spool spool = config.spool();
    if (spool != null) {
      if (spool.maxFiles() != null && spool.maxFiles() < 1) {
        return problem("/spool/maxFiles", "config.error.spool.maxFiles", spool.maxFiles());
      }
      if (spool.maxBytes() != null && spool.maxBytes() < 1) {
        return problem("/spool/maxBytes", "config.error.spool.maxBytes", spool.maxBytes());
      }
    }
    return Optional.empty();
  }

  private static Optional<Problem> checkCollector(AgentConfig.Collector c) {
    if (c == null) {
      return Optional.empty();
    }
    if (c.url() == null || c.url().isBlank()) {
      return problem("/collector", "config.error.collector.noUrl");
    }
    if (!LineRules.validEndpoint(c.url())) {
      return problem("/collector/url", "config.error.collector.url", c.url());
    }
    if (c.token() != null && c.tokenFile() != null) {
      return problem("/collector/token", "config.error.collector.twoTokens");
    }
    if (c.token() == null && (c.tokenFile() == null || c.tokenFile().isBlank())) {
      return problem(
          c.tokenFile() == null ? "/collector" : "/collector/tokenFile",
          "config.error.collector.noToken");
    }
    if (c.token() != null && !TOKEN_CHARS.matcher(c.token()).matches()) {
      return problem("/collector/token", "config.error.collector.tokenChars");
    }
    if (c.proxy() != null && !validProxy(c.proxy())) {
      return problem("/collector/proxy", "config.error.collector.proxy", c.proxy());
    }
    if (outside(c.timeoutSeconds(), 1, MAX_TIMEOUT_SECONDS)) {
      return problem(
          "/collector/timeoutSeconds",
          "config.error.collector.timeout",
          MAX_TIMEOUT_SECONDS,
          c.timeoutSeconds());
    }
    return Optional.empty();
  }

  /** The text with anything shaped like an upload token blanked out (for error messages). */
  public static String redact(String text) {
    return text == null ? null : TOKEN_LIKE.matcher(text).replaceAll("hat_…");
  }

  /** Whether a token has only the characters a token may hold (printable ASCII, no space). */
  public static boolean validTokenChars(String token) {
    return token != null && TOKEN_CHARS.matcher(token).matches();
  }

  /** {@code http://host:port}: the only proxy form the agent takes. */
  static boolean validProxy(String proxy) {
    try {
      URI uri = new URI(proxy);
      return "http".equals(uri.getScheme())
          && uri.getHost() != null
          && uri.getPort() > 0
          && uri.getUserInfo() == null
          && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
          && uri.getQuery() == null
          && uri.getFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean outside(Number value, long min, long max) {
    return value != null && (value.longValue() < min || value.longValue() > max);
  }

  private static Optional<Problem> problem(String pointer, String key, Object... args) {
    Object[] shown = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      shown[i] = String.valueOf(args[i]);
    }
    return Optional.of(new Problem(pointer, key, List.of(shown)));
  }
}
