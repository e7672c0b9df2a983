package vn.hatang.core.check;

/**
 * The state of one finding, and of a machine's verdict (the worst of its findings: FAIL &gt;
 * UNKNOWN &gt; PASS; NOT_APPLICABLE only when no check applies).
 */
public enum State {
  PASS,
  FAIL,
  UNKNOWN,
  NOT_APPLICABLE;

  /** Rank for "worst wins": higher is worse. */
  int rank() {
    return switch (this) {
      case NOT_APPLICABLE -> 0;
      case PASS -> 1;
      case UNKNOWN -> 2;
      case FAIL -> 3;
    };
  }

  /** The worse of two states. */
  public State worst(State other) {
    return other.rank() > rank() ? other : this;
  }
}
