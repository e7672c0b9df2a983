package vn.hatang.agent.upload;

/**
 * What the agent does with a snapshot after one upload attempt, by the table of upload protocol v1
 * ({@code docs/collector.md}).
 */
public enum Outcome {
  /** 201 stored, 200 duplicate: the collector has it; the agent deletes its copy. */
  ACKNOWLEDGED,
  /** 400, 403, 413, 415: it will never be accepted; moved to {@code rejected/} with the reason. */
  REJECTED,
  /** 408: kept and retried later; the round goes on with the next snapshot. */
  KEPT,
  /**
   * 401: kept (the token may be fixed); the round stops, since every other snapshot carries the
   * same token and would be refused too. Counts as a failed round.
   */
  UNAUTHORIZED,
  /** 429: kept; the round stops and the next one waits for {@code Retry-After}. */
  RATE_LIMITED,
  /**
   * 5xx, any other status, a network, TLS or timeout error: kept; the round stops so that an outage
   * is not hammered. Counts as a failed round.
   */
  UNAVAILABLE;

  /** The outcome of an HTTP status code. */
  public static Outcome of(int statusCode) {
    return switch (statusCode) {
      case 200, 201 -> ACKNOWLEDGED;
      case 400, 403, 413, 415 -> REJECTED;
      case 401 -> UNAUTHORIZED;
      case 408 -> KEPT;
      case 429 -> RATE_LIMITED;
      default -> UNAVAILABLE;
    };
  }

  /** Whether the round stops after this outcome. */
  public boolean stopsRound() {
    return this == UNAUTHORIZED || this == RATE_LIMITED || this == UNAVAILABLE;
  }

  /** Whether the round counts as failed (backoff) when it stopped on this outcome. */
  public boolean failsRound() {
    return this == UNAUTHORIZED || this == UNAVAILABLE;
  }
}
