package vn.hatang.core.waiver;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One approved exception to one check of a standard, for one machine or for every machine of a
 * unit, for a bounded time (documented in {@code docs/waivers.md}). Immutable.
 *
 * @param checkId the standard's check id ({@code tpm.version})
 * @param scope whether {@code target} names a machine or a unit
 * @param target the snapshot's {@code machine.machineId} (machine scope) or a unit code (unit
 *     scope: every machine of that unit)
 * @param justification why the failure is accepted
 * @param approvedBy who approved it
 * @param approvedOn the day it was approved: it applies from this day on
 * @param expires the last day it applies (inclusive)
 * @param planItem the remediation plan item it is linked to, or {@code null}
 * @param place {@code file:line:col} of the waiver in its file, for messages
 */
public record Waiver(
    String checkId,
    Scope scope,
    String target,
    String justification,
    String approvedBy,
    LocalDate approvedOn,
    LocalDate expires,
    String planItem,
    String place) {

  /** What a waiver's {@code target} names. */
  public enum Scope {
    /** One machine, by its machine id. */
    MACHINE,
    /** Every machine of a unit, by the unit code. */
    UNIT;

    /** The word used in the file ({@code machine}, {@code unit}). */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Waiver {
    Objects.requireNonNull(checkId);
    Objects.requireNonNull(scope);
    Objects.requireNonNull(target);
    Objects.requireNonNull(justification);
    Objects.requireNonNull(approvedBy);
    Objects.requireNonNull(approvedOn);
    Objects.requireNonNull(expires);
    if (expires.isBefore(approvedOn)) {
      throw new IllegalArgumentException("expires before approvedOn: " + place);
    }
  }

  /**
   * Whether the waiver concerns this check on this machine.
   *
   * @param checkId the check
   * @param machineId the snapshot's machine id, or {@code null}
   * @param unitCode the snapshot's unit code, or {@code null}
   */
  public boolean covers(String checkId, String machineId, String unitCode) {
    if (!this.checkId.equals(checkId)) {
      return false;
    }
    return switch (scope) {
      // Machine ids are hex or UUIDs, which people copy in either case.
      case MACHINE -> machineId != null && target.equalsIgnoreCase(machineId);
      case UNIT -> target.equals(unitCode);
    };
  }

  /** Whether it applies on a day: approved on or before it, and not expired. */
  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(approvedOn) && !day.isAfter(expires);
  }

  /** Whether it has expired by a day (its last day, {@code expires}, is before it). */
  public boolean expiredOn(LocalDate day) {
    return day.isAfter(expires);
  }
}
