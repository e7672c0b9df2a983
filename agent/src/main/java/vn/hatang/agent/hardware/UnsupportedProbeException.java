package vn.hatang.agent.hardware;

/**
 * Thrown by a probe that cannot run on this platform (antivirus outside Windows, printers without
 * CUPS). Recorded as {@code UNSUPPORTED} rather than {@code FAILED}.
 */
public final class UnsupportedProbeException extends Exception {
  /**
   * @param reason why the probe does not apply, for people
   */
  public UnsupportedProbeException(String reason) {
    super(reason);
  }
}
