package vn.hatang.core.check;

import java.util.Objects;
import vn.hatang.core.standard.Check;
import vn.hatang.core.waiver.Waiver;

/**
 * The result of one check on one machine.
 *
 * @param check the check (id, title, severity, remediation...)
 * @param state PASS, FAIL, UNKNOWN, NOT_APPLICABLE or WAIVED (a FAIL accepted by a waiver in force;
 *     measured, required and shortfall are kept)
 * @param measured the measured value: a Double in the check's unit (or the metric's base unit when
 *     the check has none), a String, Boolean or LocalDate; {@code null} when unknown or not
 *     applicable
 * @param required the required value as compared (a date check's {@code evaluation-date} resolved)
 * @param shortfall how far a failing numeric or date check is from passing, in {@code
 *     shortfallUnit}; {@code null} otherwise
 * @param shortfallUnit unit of the shortfall (the check's unit, or {@code days})
 * @param reason why the state is UNKNOWN or NOT_APPLICABLE; {@code null} otherwise
 * @param note how the value was read (for example "OS-visible memory: modules unreadable"), or
 *     {@code null}
 * @param unitCost the remediation's unit price from the standard's price table, or {@code null}
 * @param waiver for WAIVED, the waiver in force; for a FAIL, a waiver of it that has expired (see
 *     {@link #waiverExpired()}); otherwise {@code null}
 */
public record Finding(
    Check check,
    State state,
    Object measured,
    Object required,
    Double shortfall,
    String shortfallUnit,
    Message reason,
    Message note,
    Long unitCost,
    Waiver waiver) {
  public Finding {
    Objects.requireNonNull(check);
    Objects.requireNonNull(state);
    if (state == State.UNKNOWN && reason == null) {
      throw new IllegalArgumentException("UNKNOWN needs a reason: " + check.id());
    }
    if ((state == State.WAIVED) != (waiver != null && state != State.FAIL)) {
      throw new IllegalArgumentException("WAIVED goes with its waiver: " + check.id());
    }
  }

  /** A finding without a waiver. */
  public Finding(
      Check check,
      State state,
      Object measured,
      Object required,
      Double shortfall,
      String shortfallUnit,
      Message reason,
      Message note,
      Long unitCost) {
    this(check, state, measured, required, shortfall, shortfallUnit, reason, note, unitCost, null);
  }

  /** Whether this FAIL had a waiver that has expired: people should be told it fails again. */
  public boolean waiverExpired() {
    return state == State.FAIL && waiver != null;
  }

  /** This failing finding accepted by a waiver in force ({@code WAIVED}). */
  public Finding waivedBy(Waiver w) {
    return new Finding(
        check,
        State.WAIVED,
        measured,
        required,
        shortfall,
        shortfallUnit,
        reason,
        note,
        unitCost,
        Objects.requireNonNull(w));
  }

  /** This failing finding with the waiver of it that has expired (still {@code FAIL}). */
  public Finding withExpiredWaiver(Waiver w) {
    return new Finding(
        check,
        State.FAIL,
        measured,
        required,
        shortfall,
        shortfallUnit,
        reason,
        note,
        unitCost,
        Objects.requireNonNull(w));
  }
}
