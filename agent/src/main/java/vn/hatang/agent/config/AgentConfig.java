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
 */
public record AgentConfig(
    Unit unit, Role role, List<String> tags, String outputDir, String spoolDir, List<Line> lines) {
  public AgentConfig {
    tags = tags == null ? List.of() : List.copyOf(tags);
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /** No configuration at all. */
  public static AgentConfig empty() {
    return new AgentConfig(null, null, null, null, null, null);
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
    return new AgentConfig(unit, role, tags, outputDir, spoolDir, List.copyOf(merged.values()));
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
        lines);
  }
}
