package vn.hatang.core.report;

/**
 * Where a machine stands in a period (see {@code docs/reporting.md}). Nothing silent is dropped: a
 * MISSING machine is counted beside the others and against the unit's compliance.
 */
public enum MachineStatus {
  /** Its latest snapshot is within the standard's freshness of the period's end. */
  REPORTING,
  /**
   * Its latest snapshot was taken in the period but is older than the freshness at the period's end
   * (quarters and years): judged on it, and shown as stale.
   */
  STALE,
  /**
   * Seen before, silent in the period (no snapshot in it, none fresh); or expected by the units
   * file and never seen. Not judged.
   */
  MISSING;

  /**
   * The status of a machine whose latest snapshot up to the period's end was taken on {@code
   * taken}.
   */
  public static MachineStatus of(java.time.LocalDate taken, Period period, int freshnessDays) {
    long age = java.time.temporal.ChronoUnit.DAYS.between(taken, period.end());
    if (age <= freshnessDays) {
      return REPORTING;
    }
    return period.contains(taken) ? STALE : MISSING;
  }
}
