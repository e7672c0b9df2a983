package vn.hatang.core.snapshot;

import java.util.List;

/**
 * Physical memory.
 *
 * @param totalBytes memory the OS can use, in bytes
 * @param modules installed modules, {@code null} when the OS does not list them
 */
public record Memory(Long totalBytes, List<MemoryModule> modules) {
  public Memory {
    modules = modules == null ? null : List.copyOf(modules);
  }

  /**
   * The sum of the modules' capacities in bytes, or {@code null} when modules are not listed or any
   * module's capacity is unknown.
   */
  public Long installedBytes() {
    if (modules == null || modules.isEmpty()) {
      return null;
    }
    long sum = 0;
    for (MemoryModule m : modules) {
      if (m.capacityBytes() == null) {
        return null;
      }
      sum += m.capacityBytes();
    }
    return sum;
  }

  /**
   * One memory module.
   *
   * @param bankLabel slot label
   * @param capacityBytes capacity in bytes
   * @param type memory type ({@code DDR4})
   * @param clockSpeedHz clock speed in hertz
   * @param manufacturer manufacturer
   * @param partNumber part number
   */
  public record MemoryModule(
      String bankLabel,
      Long capacityBytes,
      String type,
      Long clockSpeedHz,
      String manufacturer,
      String partNumber) {}
}
