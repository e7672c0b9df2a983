package vn.hatang.agent.line;

/** Told how far the measurement of a line has got. Implementations must be thread-safe. */
@FunctionalInterface
public interface Progress {
  /** Phases of a line measurement, in order. */
  enum Phase {
    LATENCY,
    DOWNLOAD,
    UPLOAD,
    DONE
  }

  /** Tells nobody. */
  Progress NONE = (line, phase, fraction) -> {};

  /**
   * @param line the line's name
   * @param phase the current phase
   * @param fraction how much of the whole line measurement is done, 0 to 1
   */
  void update(String line, Phase phase, double fraction);
}
