package vn.hatang.agent.spool;

import java.time.Instant;

/**
 * What {@code run} remembers between runs ({@code state.json}). Immutable.
 *
 * @param lastLineMeasurementAt when lines were last measured, or {@code null} (never)
 * @param uploadFailures failed upload rounds in a row (0 after a successful one)
 * @param nextUploadAt no upload before this instant (backoff or {@code Retry-After}), or {@code
 *     null} (upload now)
 */
public record SpoolState(Instant lastLineMeasurementAt, int uploadFailures, Instant nextUploadAt) {
  public SpoolState {
    if (uploadFailures < 0) {
      throw new IllegalArgumentException("uploadFailures < 0: " + uploadFailures);
    }
  }

  /** The state of a fresh installation. */
  public static SpoolState initial() {
    return new SpoolState(null, 0, null);
  }

  /** This state with lines measured at {@code at}. */
  public SpoolState withLinesMeasuredAt(Instant at) {
    return new SpoolState(at, uploadFailures, nextUploadAt);
  }

  /** This state after a successful upload round: no failures, no waiting. */
  public SpoolState afterSuccess() {
    return new SpoolState(lastLineMeasurementAt, 0, null);
  }

  /** This state after a failed round: one more failure, no upload before {@code next}. */
  public SpoolState afterFailure(Instant next) {
    return new SpoolState(lastLineMeasurementAt, uploadFailures + 1, next);
  }

  /** This state after the collector asked to wait ({@code 429}): failures unchanged. */
  public SpoolState waitUntil(Instant next) {
    return new SpoolState(lastLineMeasurementAt, uploadFailures, next);
  }
}
