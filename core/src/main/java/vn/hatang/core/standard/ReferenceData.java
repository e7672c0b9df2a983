package vn.hatang.core.standard;

import java.util.Map;

/**
 * The reference data a standard's checks use, each loaded from its own data file. Any part may be
 * {@code null} when the standard does not name it; a check whose metric needs a missing part is a
 * validation error.
 *
 * @param osLifecycle end-of-support dates of operating systems
 * @param cpuGenerations CPU generation rules
 * @param prices remediation price table
 * @param files the reference files by role ({@code osLifecycle} → path), as named in the standard
 */
public record ReferenceData(
    OsLifecycle osLifecycle,
    CpuGenerations cpuGenerations,
    PriceTable prices,
    Map<String, String> files) {
  public ReferenceData {
    files = Map.copyOf(files);
  }

  /** No reference data. */
  public static final ReferenceData NONE = new ReferenceData(null, null, null, Map.of());
}
