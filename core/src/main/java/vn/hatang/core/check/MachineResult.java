package vn.hatang.core.check;

import java.util.List;
import java.util.Map;
import vn.hatang.core.snapshot.Snapshot;

/**
 * One machine's result against one standard.
 *
 * @param source where the snapshot came from (file name, {@code <stdin>}, {@code this PC})
 * @param snapshot the snapshot judged
 * @param verdict the worst state of the findings (FAIL &gt; UNKNOWN &gt; WAIVED &gt; PASS)
 * @param findings one finding per check, in the standard's order
 * @param ageDays days from the snapshot's date (in its own offset) to the evaluation date; negative
 *     for a snapshot dated after the evaluation date
 * @param stale whether the snapshot is older than the standard's {@code freshnessDays}: its verdict
 *     describes the machine as it was, not necessarily as it is
 */
public record MachineResult(
    String source,
    Snapshot snapshot,
    State verdict,
    List<Finding> findings,
    long ageDays,
    boolean stale) {
  public MachineResult {
    findings = List.copyOf(findings);
  }

  /** How many findings are in a state. */
  public long count(State state) {
    long n = 0;
    for (Finding f : findings) {
      if (f.state() == state) {
        n++;
      }
    }
    return n;
  }

  /** Counts by state, every state present. */
  public Map<State, Long> counts() {
    return Map.of(
        State.PASS, count(State.PASS),
        State.FAIL, count(State.FAIL),
        State.UNKNOWN, count(State.UNKNOWN),
        State.NOT_APPLICABLE, count(State.NOT_APPLICABLE),
        State.WAIVED, count(State.WAIVED));
  }
}
