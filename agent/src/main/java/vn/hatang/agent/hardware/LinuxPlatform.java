package vn.hatang.agent.hardware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import vn.hatang.core.snapshot.AntivirusProduct;
import vn.hatang.core.snapshot.Peripherals.Printer;

/**
 * Linux: reads {@code /sys} and {@code /proc} under a root folder (the real {@code /}, or a fixture
 * tree in tests) and runs {@code lpstat} and {@code systemd-detect-virt}.
 */
final class LinuxPlatform implements PlatformReader {
  /** The EFI global-variable GUID's Secure Boot variable. */
  static final String SECURE_BOOT_VAR = "SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c";

  private final Path root;
  private final CommandRunner runner;

  LinuxPlatform(Path root, CommandRunner runner) {
    this.root = root;
    this.runner = runner;
  }

  private Path path(String absolute) {
    return root.resolve(absolute.substring(1));
  }

  @Override
  public String family() {
    return "Linux";
  }

  @Override
  public String bootMode() {
    return Files.isDirectory(path("/sys/firmware/efi"))
        ? BootModeParser.UEFI
        : BootModeParser.LEGACY;
  }

  @Override
  public Boolean secureBoot(String bootMode) throws IOException {
    if (BootModeParser.LEGACY.equals(bootMode)) {
      return false; // Secure Boot is a UEFI feature: a BIOS boot has none.
    }
    Path efivars = path("/sys/firmware/efi/efivars");
    Path variable = efivars.resolve(SECURE_BOOT_VAR);
    if (Files.isRegularFile(variable)) {
      return SecureBootParser.parseEfiVariable(Files.readAllBytes(variable));
    }
    if (isNonEmptyDirectory(efivars)) {
      return false; // efivarfs is mounted and the firmware defines no SecureBoot variable.
    }
    throw new IOException("efivarfs is not mounted at /sys/firmware/efi/efivars");
  }

  @Override
  public String tpmVersion() throws IOException, UnsupportedProbeException {
    Path tpmClass = path("/sys/class/tpm");
    if (!Files.isDirectory(tpmClass)) {
      throw new UnsupportedProbeException("no /sys/class/tpm: the kernel exposes no TPM class");
    }
    Path tpm0 = tpmClass.resolve("tpm0");
    if (!isNonEmptyDirectory(tpmClass) || !Files.exists(tpm0)) {
      return TpmParser.NONE;
    }
    Path major = tpm0.resolve("tpm_version_major");
    if (Files.isRegularFile(major)) {
      return TpmParser.parseSysfsMajor(Files.readString(major, StandardCharsets.US_ASCII));
    }
    // Kernels before 5.6 have no tpm_version_major; TPM 1.2 devices list their caps.
    Path caps = tpm0.resolve("device/caps");
    if (Files.isRegularFile(caps) && Files.readString(caps).contains("TCG version: 1.2")) {
      return "1.2";
    }
    throw new IOException("cannot read the version of /sys/class/tpm/tpm0");
  }

  @Override
  public String chassis() throws IOException, UnsupportedProbeException {
    Path type = path("/sys/class/dmi/id/chassis_type");
    if (!Files.exists(path("/sys/class/dmi/id"))) {
      throw new UnsupportedProbeException("no /sys/class/dmi: the firmware exposes no DMI data");
    }
    return ChassisTypes.parse(Files.readString(type));
  }

  @Override
  public boolean maxFrequencyReadable() {
    return Files.isDirectory(path("/sys/devices/system/cpu/cpu0/cpufreq")) || dmiReadable();
  }

  @Override
  public CpuInfoParser.Identity cpuIdentity() throws IOException {
    return CpuInfoParser.parse(Files.readString(path("/proc/cpuinfo"), StandardCharsets.UTF_8));
  }

  @Override
  public boolean dmiReadable() {
    return Files.isDirectory(path("/sys/class/dmi/id"))
        || Files.isDirectory(path("/sys/firmware/dmi/tables"));
  }

  @Override
  public Boolean virtualMachine(String manufacturer, String model) throws IOException {
    if (Virtualization.isVirtualModel(manufacturer, model)) {
      return true;
    }
    Path cpuinfo = path("/proc/cpuinfo");
    if (Files.isRegularFile(cpuinfo)
        && Virtualization.cpuinfoHasHypervisorFlag(Files.readString(cpuinfo))) {
      return true;
    }
    if (root.equals(Path.of("/")) && Executables.onPath("systemd-detect-virt")) {
      // Exit code 1 with "none" on bare metal.
      CommandRunner.Result result = runner.run(List.of("systemd-detect-virt"));
      return Virtualization.parseDetectVirt(result.stdout()) != null;
    }
    return false;
  }

  @Override
  public Boolean removable(String diskName) {
    if (diskName == null || !diskName.startsWith("/dev/")) {
      return null;
    }
    Path file = path("/sys/block/" + diskName.substring("/dev/".length()) + "/removable");
    try {
      String value = Files.readString(file).strip();
      return value.equals("1") ? Boolean.TRUE : value.equals("0") ? Boolean.FALSE : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public List<Printer> printers() throws IOException, UnsupportedProbeException {
    if (!Executables.onPath("lpstat")) {
      throw new UnsupportedProbeException("CUPS is not installed (no lpstat)");
    }
    CommandRunner.Result result = runner.run(List.of("lpstat", "-p", "-d", "-v"));
    if (result.exitCode() != 0) {
      if ((result.stdout() + result.stderr()).contains("No destinations added")) {
        return List.of();
      }
      throw new IOException("lpstat exited with " + result.exitCode() + ": " + result.stderr());
    }
    return PrinterParser.parseLpstat(result.stdout());
  }

  @Override
  public List<AntivirusProduct> antivirus() throws UnsupportedProbeException {
    throw new UnsupportedProbeException("Linux has no registry of antivirus products");
  }

  private static boolean isNonEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    }
  }
}
