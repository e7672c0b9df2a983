package vn.hatang.core.standard;

import java.util.Map;

/**
 * How remediation plans set deadlines: a number of days after the plan's date per severity, capped
 * by the plan horizon.
 *
 * @param horizonDays the plan's horizon: no deadline later than this many days after the plan date
 * @param deadlineDays days allowed per severity
 */
public record PlanPolicy(int horizonDays, Map<Severity, Integer> deadlineDays) {
  /** Without a {@code plan:} block: a year's horizon; 30, 90, 180, 365 days by severity. */
  public static final PlanPolicy DEFAULT =
      new PlanPolicy(
          365,
          Map.of(
              Severity.CRITICAL, 30, Severity.HIGH, 90, Severity.MEDIUM, 180, Severity.LOW, 365));

  public PlanPolicy {
    deadlineDays = Map.copyOf(deadlineDays);
  }

  /** Days allowed to clear a deficiency of this severity. */
  public int daysFor(Severity severity) {
    return Math.min(horizonDays, deadlineDays.getOrDefault(severity, horizonDays));
  }
}
