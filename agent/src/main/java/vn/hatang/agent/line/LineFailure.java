package vn.hatang.agent.line;

import java.io.IOException;
import java.util.List;

/**
 * Why a line could not be measured: a {@link vn.hatang.core.snapshot.LineMeasurement} status and a
 * message key with its arguments. Thrown inside the measurement only; {@link LineMeter} turns it
 * into a failed measurement.
 */
public final class LineFailure extends IOException {
  private final String status;
  private final String key;
  private final List<String> args;

  /**
   * @param status the measurement status ({@code HTTP_ERROR}, {@code STALLED}, ...)
   * @param key message key of the reason
   * @param args the reason's arguments
   */
  public LineFailure(String status, String key, String... args) {
    super(status + " " + key + " " + List.of(args));
    this.status = status;
    this.key = key;
    this.args = List.of(args);
  }

  public String status() {
    return status;
  }

  public String key() {
    return key;
  }

  public List<String> args() {
    return args;
  }
}
