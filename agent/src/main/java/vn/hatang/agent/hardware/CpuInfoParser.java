package vn.hatang.agent.hardware;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the identity of the first processor in Linux's {@code /proc/cpuinfo}: vendor, name,
 * family, model, stepping (x86 layout). Used instead of OSHI's processor identifier, whose lazy
 * processor-id look-up forks {@code lshw} and {@code dmidecode} on machines without DMI tables.
 */
final class CpuInfoParser {
  private static final Pattern NOMINAL = Pattern.compile("@\\s*([0-9]+(?:\\.[0-9]+)?)\\s*GHz");

  private CpuInfoParser() {}

  /**
   * A processor's identity; any field may be {@code null}.
   *
   * @param vendor {@code vendor_id}
   * @param name {@code model name}
   * @param family {@code cpu family}
   * @param model {@code model}
   * @param stepping {@code stepping}
   */
  record Identity(String vendor, String name, Integer family, Integer model, Integer stepping) {
    /** The nominal frequency in hertz from a name like "... @ 3.00GHz", or {@code null}. */
    Long nominalHz() {
      if (name == null) {
        return null;
      }
      Matcher m = NOMINAL.matcher(name);
      return m.find() ? Math.round(Double.parseDouble(m.group(1)) * 1e9) : null;
    }
  }

  /** Reads the first processor block; returns {@code null} when there is no vendor or name. */
  static Identity parse(String cpuinfo) {
    String vendor = null;
    String name = null;
    Integer family = null;
    Integer model = null;
    Integer stepping = null;
    for (String line : cpuinfo.split("\n", -1)) {
      if (line.isBlank()) {
        if (vendor != null || name != null) {
          break; // end of the first processor's block
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "vendor_id" -> vendor = value.isEmpty() ? null : value;
        case "model name" -> name = value.isEmpty() ? null : value.replaceAll("\\s+", " ");
        case "cpu family" -> family = integer(value);
        case "model" -> model = integer(value);
        case "stepping" -> stepping = integer(value);
        default -> {}
      }
    }
    if (vendor == null && name == null) {
      return null;
    }
    return new Identity(vendor, name, family, model, stepping);
  }

  private static Integer integer(String s) {
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
