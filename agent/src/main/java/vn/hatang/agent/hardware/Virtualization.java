package vn.hatang.agent.hardware;

import java.util.List;
import java.util.Locale;

/** Tells a virtual machine from hints the OS gives. Pure functions. */
public final class Virtualization {
  private static final List<String> VM_VENDORS =
      List.of(
          "qemu",
          "kvm",
          "vmware",
          "virtualbox",
          "innotek",
          "virtual machine",
          "xen",
          "bochs",
          "parallels",
          "bhyve",
          "amazon ec2",
          "google compute engine",
          "openstack");

  private Virtualization() {}

  /**
   * Whether {@code /proc/cpuinfo} has the {@code hypervisor} CPU flag (set by every mainstream
   * hypervisor).
   */
  public static boolean cpuinfoHasHypervisorFlag(String cpuinfo) {
    for (String line : cpuinfo.split("\\R")) {
      if (line.startsWith("flags") && line.contains(":")) {
        for (String flag : line.substring(line.indexOf(':') + 1).trim().split("\\s+")) {
          if (flag.equals("hypervisor")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Parses {@code systemd-detect-virt}: a technology name ({@code kvm}, {@code docker}), or {@code
   * none} on bare metal.
   *
   * @return the technology, or {@code null} for {@code none} and empty output
   */
  public static String parseDetectVirt(String output) {
    String value = output.strip();
    return value.isEmpty() || value.equals("none") ? null : value;
  }

  /** Whether a system manufacturer or model names a hypervisor. */
  public static boolean isVirtualModel(String manufacturer, String model) {
    String text =
        ((manufacturer == null ? "" : manufacturer) + " " + (model == null ? "" : model))
            .toLowerCase(Locale.ROOT);
    return VM_VENDORS.stream().anyMatch(text::contains);
  }
}
