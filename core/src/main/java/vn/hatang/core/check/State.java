package vn.hatang.core.check;

/**
 * The state of one finding, and of a machine's verdict (the worst of its findings: FAIL &gt;
 * UNKNOWN &gt; WAIVED &gt; PASS; NOT_APPLICABLE only when no check applies).
 *
 * <p>WAIVED is a failure accepted by a waiver in force on the evaluation date: it does not make a
 * machine fail, but it is never counted as a plain PASS either. Only a FAIL can be waived; an
 * UNKNOWN stays UNKNOWN, since nobody knows what would be waived.
 */
public enum State {
  PASS,
  FAIL,
  UNKNOWN,
  NOT_APPLICABLE,
  WAIVED;

  /** Rank for "worst wins": higher is worse. */
  int rank() {
    return switch (this) {
      case NOT_APPLICABLE -> 0;
      case PASS -> 1;
      case WAIVED -> 2;
      case UNKNOWN -> 3;
      case FAIL -> 4;
    };
  }

  /** The worse of two states. */
  public State worst(State other) {
    return other.rank() > rank() ? other : this;
  }
}
