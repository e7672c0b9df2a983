package vn.hatang.core.snapshot;

import java.util.List;

/**
 * How collection went.
 *
 * @param durationMs total collection time in milliseconds
 * @param probes each probe's outcome
 */
public record Diagnostics(Long durationMs, List<Probe> probes) {
  public Diagnostics {
    probes = probes == null ? List.of() : List.copyOf(probes);
  }

  /**
   * One probe's outcome.
   *
   * @param name probe name ({@code cpu}, {@code memory}, {@code tpm}, ...)
   * @param status {@code OK}, {@code FAILED} or {@code UNSUPPORTED}
   * @param durationMs how long it took, in milliseconds
   * @param error why it failed or is unsupported
   */
  public record Probe(String name, String status, Long durationMs, String error) {}

  /** Returns the probe with this name, or {@code null}. */
  public Probe probe(String name) {
    return probes.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }
}
