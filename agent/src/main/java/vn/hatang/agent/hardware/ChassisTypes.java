package vn.hatang.agent.hardware;

import java.util.List;

/**
 * SMBIOS chassis types (DMTF DSP0134, table "System Enclosure or Chassis Types"), the codes both
 * Linux ({@code /sys/class/dmi/id/chassis_type}) and Windows ({@code
 * Win32_SystemEnclosure.ChassisTypes}) report.
 */
public final class ChassisTypes {
  private static final List<String> NAMES =
      List.of(
          "Other",
          "Unknown",
          "Desktop",
          "Low Profile Desktop",
          "Pizza Box",
          "Mini Tower",
          "Tower",
          "Portable",
          "Laptop",
          "Notebook",
          "Hand Held",
          "Docking Station",
          "All in One",
          "Sub Notebook",
          "Space-saving",
          "Lunch Box",
          "Main Server Chassis",
          "Expansion Chassis",
          "SubChassis",
          "Bus Expansion Chassis",
          "Peripheral Chassis",
          "RAID Chassis",
          "Rack Mount Chassis",
          "Sealed-case PC",
          "Multi-system chassis",
          "Compact PCI",
          "Advanced TCA",
          "Blade",
          "Blade Enclosure",
          "Tablet",
          "Convertible",
          "Detachable",
          "IoT Gateway",
          "Embedded PC",
          "Mini PC",
          "Stick PC");

  private ChassisTypes() {}

  /** The name of a chassis code, or {@code null} for "Unknown" (2) and codes outside the table. */
  public static String name(int code) {
    if (code < 1 || code > NAMES.size() || code == 2) {
      return null;
    }
    return NAMES.get(code - 1);
  }

  /**
   * Parses the first code of a list printed one per line ({@code (Get-CimInstance
   * Win32_SystemEnclosure).ChassisTypes}) or the single sysfs value.
   *
   * @return the chassis name, or {@code null}
   */
  public static String parse(String text) {
    for (String line : text.split("\\R")) {
      Integer code = OshiValues.decimal(line);
      if (code != null) {
        return name(code);
      }
    }
    return null;
  }
}
