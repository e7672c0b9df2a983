package vn.hatang.core.check;

import java.util.Objects;
import vn.hatang.core.standard.Check;

/**
 * The result of one check on one machine.
 *
 * @param check the check (id, title, severity, remediation...)
 * @param state PASS, FAIL, UNKNOWN or NOT_APPLICABLE
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
    Long unitCost) {
  public Finding {
    Objects.requireNonNull(check);
    Objects.requireNonNull(state);
    if (state == State.UNKNOWN && reason == null) {
      throw new IllegalArgumentException("UNKNOWN needs a reason: " + check.id());
    }
  }
}
