package vn.hatang.core.report;

import java.util.Objects;
import vn.hatang.core.check.Message;
import vn.hatang.core.check.State;
import vn.hatang.core.standard.UnitCheck;

/**
 * The result of one unit check for one unit.
 *
 * @param check the check
 * @param state PASS, FAIL, UNKNOWN (with a reason) or NOT_APPLICABLE (the unit's level is not
 *     concerned)
 * @param measured the unit's figure in the metric's base unit (Mbit/s of goodput, ms, per cent, a
 *     count), or {@code null}
 * @param required the required figure in the same unit, or {@code null}
 * @param shortfall how far a failing figure is from passing, in the same unit, else {@code null}
 * @param quantity how many of the remediation's action clear the failure (the missing pieces for
 *     counts, else 1), 0 when it passes
 * @param samples measurements the figure rests on (line metrics), else {@code null}
 * @param reason why the state is UNKNOWN or NOT_APPLICABLE, else {@code null}
 * @param note how the figure was made (for example "2 seen, 3 attested by ... on ..."), or {@code
 *     null}
 */
public record UnitFinding(
    UnitCheck check,
    State state,
    Double measured,
    Double required,
    Double shortfall,
    int quantity,
    Integer samples,
    Message reason,
    Message note) {
  public UnitFinding {
    Objects.requireNonNull(check);
    Objects.requireNonNull(state);
    if ((state == State.UNKNOWN || state == State.NOT_APPLICABLE) && reason == null) {
      throw new IllegalArgumentException(state + " needs a reason: " + check.id());
    }
  }
}
