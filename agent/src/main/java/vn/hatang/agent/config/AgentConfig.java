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
 */
public record AgentConfig(
    Unit unit, Role role, List<String> tags, String outputDir, String spoolDir) {
  public AgentConfig {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** No configuration at all. */
  public static AgentConfig empty() {
    return new AgentConfig(null, null, null, null, null);
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
        spoolDir);
  }
}
