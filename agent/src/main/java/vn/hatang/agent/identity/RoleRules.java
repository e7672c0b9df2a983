package vn.hatang.agent.identity;

import java.util.Locale;
import java.util.Set;

/**
 * Decides a machine's role from its chassis type and virtualization. Pure: the configured role
 * wins, then a virtual machine is {@code virtual}, then the SMBIOS chassis type decides.
 */
public final class RoleRules {
  private static final Set<String> LAPTOP =
      Set.of(
          "portable",
          "laptop",
          "notebook",
          "sub notebook",
          "hand held",
          "tablet",
          "convertible",
          "detachable");
  private static final Set<String> DESKTOP =
      Set.of(
          "desktop",
          "low profile desktop",
          "pizza box",
          "mini tower",
          "tower",
          "all in one",
          "space-saving",
          "lunch box",
          "sealed-case pc",
          "mini pc",
          "stick pc",
          "embedded pc");
  private static final Set<String> SERVER =
      Set.of(
          "main server chassis",
          "rack mount chassis",
          "multi-system chassis",
          "blade",
          "blade enclosure",
          "expansion chassis");

  private RoleRules() {}

  /**
   * @param configured the role from configuration or flags, or {@code null}
   * @param chassis the chassis type name ({@link vn.hatang.agent.hardware.ChassisTypes}), or null
   * @param virtualMachine whether this is a virtual machine, {@code null} when unknown
   * @return the role, or {@code null} when it cannot be told
   */
  public static Role decide(Role configured, String chassis, Boolean virtualMachine) {
    if (configured != null) {
      return configured;
    }
    if (Boolean.TRUE.equals(virtualMachine)) {
      return Role.VIRTUAL;
    }
    if (chassis == null) {
      return null;
    }
    String lower = chassis.toLowerCase(Locale.ROOT);
    if (LAPTOP.contains(lower)) {
      return Role.LAPTOP;
    }
    if (DESKTOP.contains(lower)) {
      return Role.DESKTOP;
    }
    if (SERVER.contains(lower)) {
      return Role.SERVER;
    }
    return null;
  }
}
