package vn.hatang.agent.config;

import java.util.List;
import vn.hatang.agent.identity.Role;
import vn.hatang.core.snapshot.UnitRef;

/**
 * The agent's configuration ({@code agent.yaml}), after flags were applied. Every field may be
 * {@code null} (not configured). Immutable.
 *
 * @param unit the administrative unit this machine belongs to
 * @param role the machine's role, overriding detection
 * @param tags free labels copied into every snapshot
 * @param outputDir where scheduled collections write snapshots
 * @param spoolDir where the agent keeps its state (the random machine id, queued snapshots)
 * @param lines the lines to measure, in order; names are unique
 * @param collector where {@code run} and {@code upload} send snapshots, or {@code null} (collect
 *     and spool only)
 * @param schedule how often {@code run} measures lines and how long it waits first, or {@code null}
 *     (defaults)
 * @param spool the spool's bounds, or {@code null} (defaults)
 */
public record AgentConfig(
    Unit unit,
    Role role,
    List<String> tags,
    String outputDir,
    String spoolDir,
    List<Line> lines,
    Collector collector,
    Schedule schedule,
    Spool spool) {
  public AgentConfig {
    tags = tags == null ? List.of() : List.copyOf(tags);
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /** No configuration at all. */
  public static AgentConfig empty() {
    return new AgentConfig(null, null, null, null, null, null, null, null, null);
  }

  /**
   * The {@code collector:} section: the {@code hatang serve} that receives snapshots.
   *
   * <p>{@link #toString()} never shows the token: a record's generated one would.
   *
   * @param url base URL, {@code https://host[:port]} (or {@code http://})
   * @param token the upload token given inline, or {@code null}; {@code tokenFile} is preferred
   * @param tokenFile a file holding the upload token (mode 0600), or {@code null}
   * @param caFile a PEM file of one or more CA certificates trusted besides the JDK's, or {@code
   *     null}
   * @param proxy an HTTP proxy {@code http://host:port}, or {@code null} for the system's settings
   * @param timeoutSeconds per request, in seconds, or {@code null} for {@link
   *     #DEFAULT_TIMEOUT_SECONDS}
   */
  public record Collector(
      String url,
      String token,
      String tokenFile,
      String caFile,
      String proxy,
      Integer timeoutSeconds) {
    /** Per-request timeout when none is configured, in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /** The configured timeout or the default, in seconds. */
    public int timeoutOrDefault() {
      return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    }

    @Override
    public String toString() {
      return "Collector[url="
          + url
          + ", token="
          + (token == null ? "null" : "<hidden>")
          + ", tokenFile="
          + tokenFile
          + ", caFile="
          + caFile
          + ", proxy="
          + proxy
          + ", timeoutSeconds="
          + timeoutSeconds
          + "]";
    }
  }

  /**
   * The {@code schedule:} section of {@code run}.
   *
   * @param lineIntervalHours lines are measured at most this often, in hours (0 = every run), or
   *     {@code null} for {@link #DEFAULT_LINE_INTERVAL_HOURS}
   * @param randomDelaySeconds {@code run} first sleeps a random 0 to this many seconds, or {@code
   *     null} for {@link #DEFAULT_RANDOM_DELAY_SECONDS}
   */
  public record Schedule(Integer lineIntervalHours, Integer randomDelaySeconds) {
    public static final int DEFAULT_LINE_INTERVAL_HOURS = 24;
    public static final int DEFAULT_RANDOM_DELAY_SECONDS = 900;

    /** The schedule of a configuration without {@code schedule:}. */
    public static Schedule defaults() {
      return new Schedule(DEFAULT_LINE_INTERVAL_HOURS, DEFAULT_RANDOM_DELAY_SECONDS);
    }

    /** The line interval in hours, configured or default. */
    public int lineIntervalOrDefault() {
      return lineIntervalHours == null ? DEFAULT_LINE_INTERVAL_HOURS : lineIntervalHours;
    }

    /** The random delay bound in seconds, configured or default. */
    public int randomDelayOrDefault() {
      return randomDelaySeconds == null ? DEFAULT_RANDOM_DELAY_SECONDS : randomDelaySeconds;
    }
  }

  /**
   * The {@code spool:} section: the spool's bounds; beyond them the oldest snapshots are evicted.
   *
   * @param maxFiles most snapshots kept, or {@code null} for {@link #DEFAULT_MAX_FILES}
   * @param maxBytes most bytes kept, or {@code null} for {@link #DEFAULT_MAX_BYTES}
   */
  public record Spool(Integer maxFiles, Long maxBytes) {
    public static final int DEFAULT_MAX_FILES = 1000;
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

    /** The file bound, configured or default. */
    public int maxFilesOrDefault() {
      return maxFiles == null ? DEFAULT_MAX_FILES : maxFiles;
    }

    /** The byte bound, configured or default. */
    public long maxBytesOrDefault() {
      return maxBytes == null ? DEFAULT_MAX_BYTES : maxBytes;
    }
  }

  /** The schedule, defaults filled in. */
  public Schedule scheduleOrDefaults() {
    return schedule == null ? Schedule.defaults() : schedule;
  }

  /** The spool bounds, defaults filled in. */
  public Spool spoolOrDefaults() {
    return spool == null ? new Spool(null, null) : spool;
  }

  /**
   * One entry of {@code lines:}: a network line measured against a {@code hatang serve} endpoint.
   * Unset numbers are {@code null} and take the defaults of {@link vn.hatang.agent.line.LineSpec}.
   *
   * @param name line name ({@code internet}, {@code dedicated}, ...): letters, digits, {@code ._-}
   * @param endpoint the server's base URL, {@code http://host:port} or {@code https://...}
   * @param bindAddress local IP address the sockets are bound to (so that the measurement leaves
   *     through that line's own network card), or {@code null}
   * @param streams parallel TCP connections per direction (1 to 16)
   * @param seconds duration of each direction, in seconds (1 to 60)
   * @param maxBytes most bytes moved per direction, for metered lines, or {@code null}
   */
  public record Line(
      String name,
      String endpoint,
      String bindAddress,
      Integer streams,
      Integer seconds,
      Long maxBytes) {}

  /**
   * This configuration with {@code overrides} replacing the configured lines of the same name;
   * lines with new names are added at the end.
   */
  public AgentConfig withLines(List<Line> overrides) {
    if (overrides == null || overrides.isEmpty()) {
      return this;
    }
    java.util.Map<String, Line> merged = new java.util.LinkedHashMap<>();
    for (Line line : lines) {
      merged.put(line.name(), line);
    }
    for (Line line : overrides) {
      merged.put(line.name(), line);
    }
    return new AgentConfig(
        unit,
        role,
        tags,
        outputDir,
        spoolDir,
        List.copyOf(merged.values()),
        collector,
        schedule,
        spool);
  }

  /**
   * The {@code unit:} section.
   *
   * @param code unit code (statistics office code)
   * @param name unit name
   * @param level unit level ({@code commune}, {@code province}, ...)
   */
  public record Unit(String code, String name, String level) {}

  /** The unit for the snapshot, or {@code null} when none is configured. */
  public UnitRef unitRef() {
    if (unit == null || (unit.code() == null && unit.name() == null && unit.level() == null)) {
      return null;
    }
    return new UnitRef(unit.code(), unit.name(), unit.level());
  }

  /**
   * This configuration with command-line values on top; a {@code null} argument (or an empty tag
   * list) keeps the configured value.
   */
  public AgentConfig withOverrides(
      String unitCode, String unitName, String unitLevel, Role role, List<String> tags) {
    Unit base = unit == null ? new Unit(null, null, null) : unit;
    Unit merged =
        new Unit(
            unitCode != null ? unitCode : base.code(),
            unitName != null ? unitName : base.name(),
            unitLevel != null ? unitLevel : base.level());
    return new AgentConfig(
        merged,
        role != null ? role : this.role,
        tags != null && !tags.isEmpty() ? tags : this.tags,
        outputDir,
        spoolDir,
        lines,
        collector,
        schedule,
        spool);
  }
}
