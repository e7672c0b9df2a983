package vn.hatang.agent.hardware;

import java.util.List;
import vn.hatang.core.snapshot.AntivirusProduct;
import vn.hatang.core.snapshot.Peripherals.Printer;

/**
 * What OSHI does not read, read the platform's own way. Each method is one probe: it throws when it
 * cannot read, {@link UnsupportedProbeException} when the question does not apply here.
 */
interface PlatformReader {
  /** The OS family name for the snapshot: {@code Windows}, {@code Linux}, {@code macOS}. */
  String family();

  /** {@code UEFI} or {@code LEGACY}. */
  String bootMode() throws Exception;

  /** Whether Secure Boot is on; {@code bootMode} is what {@link #bootMode()} returned, or null. */
  Boolean secureBoot(String bootMode) throws Exception;

  /** The TPM version ({@code 2.0}, {@code 1.2}) or {@code none}. */
  String tpmVersion() throws Exception;

  /** The chassis type name, or {@code null}. */
  String chassis() throws Exception;

  /**
   * Whether this machine is a virtual machine, given the system manufacturer and model; by default
   * from the model alone.
   */
  default Boolean virtualMachine(String manufacturer, String model) throws Exception {
    return Virtualization.isVirtualModel(manufacturer, model);
  }

  /** Whether the OS reports the disk as removable, or {@code null} (the default: not known). */
  default Boolean removable(String diskName) {
    return null;
  }

  /** The printers installed in the OS. */
  List<Printer> printers() throws Exception;

  /** The antivirus products registered with the OS. */
  List<AntivirusProduct> antivirus() throws Exception;

  /** The OS's own name, edition, version and build, or {@code null} (the default) to use OSHI's. */
  default WindowsVersion windowsVersion() throws Exception {
    return null;
  }

  /** The mount point of the system volume: {@code /} (the default) or {@code C:\}. */
  default String systemMount() {
    return "/";
  }

  /**
   * Whether the OS has a source for the CPU's maximum frequency (on Linux: cpufreq in sysfs, or the
   * firmware's DMI tables that lshw and dmidecode read). When it has none, asking would only fork
   * tools that find nothing.
   */
  default boolean maxFrequencyReadable() {
    return true;
  }

  /**
   * Whether the firmware's DMI/SMBIOS tables are readable (system identity, firmware, memory
   * modules). On Linux without them OSHI forks lshw and dmidecode, which find nothing.
   */
  default boolean dmiReadable() {
    return true;
  }

  /**
   * The processor's identity read by the platform itself, or {@code null} to use OSHI's (Linux
   * reads {@code /proc/cpuinfo}: OSHI's identifier forks tools there).
   */
  default CpuInfoParser.Identity cpuIdentity() throws Exception {
    return null;
  }
}
