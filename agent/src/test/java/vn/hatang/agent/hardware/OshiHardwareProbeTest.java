package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import vn.hatang.core.snapshot.Diagnostics;
import vn.hatang.core.snapshot.DiskType;

/** Collects this machine for real and checks the values against what the OS says directly. */
@EnabledOnOs(OS.LINUX)
class OshiHardwareProbeTest {
  private static HardwareReport report;

  @BeforeAll
  static void collect() {
    report = new OshiHardwareProbe().collect();
  }

  @Test
  void cpuMatchesTheJvm() {
    assertThat(report.cpu().logicalCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(report.cpu().physicalCores()).isBetween(1, report.cpu().logicalCores());
    assertThat(report.cpu().vendor()).isNotBlank();
    if (report.cpu().maxFrequencyHz() != null) {
      assertThat(report.cpu().maxFrequencyHz()).isPositive();
    }
  }

  @Test
  void memoryTotalMatchesProcMeminfo() throws Exception {
    long memTotalKb =
        Files.readAllLines(Path.of("/proc/meminfo")).stream()
            .filter(l -> l.startsWith("MemTotal:"))
            .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
            .findFirst()
            .orElseThrow();
    assertThat(report.memory().totalBytes())
        .isCloseTo(memTotalKb * 1024, org.assertj.core.data.Percentage.withPercentage(5));
  }

  @Test
  void hostnameMatchesTheHostnameCommand() throws Exception {
    String fromCommand = new CommandRunner().output(List.of("hostname")).strip();
    assertThat(report.hostname()).isIn(fromCommand, InetAddress.getLocalHost().getHostName());
    assertThat(report.hostname()).isEqualTo(fromCommand);
  }

  @Test
  void osIsLinux() throws Exception {
    assertThat(report.os().family()).isEqualTo("Linux");
    assertThat(report.os().edition()).isNull();
    assertThat(report.os().bitness())
        .isEqualTo(System.getProperty("os.arch").contains("64") ? 64 : 32);
    String kernel = new CommandRunner().output(List.of("uname", "-r")).strip();
    assertThat(report.os().build()).isEqualTo(kernel);
  }

  @Test
  void systemVolumeIsRootWithRealSize() {
    assertThat(report.storage().systemVolume().mount()).isEqualTo("/");
    long total = new File("/").getTotalSpace();
    assertThat(report.storage().systemVolume().totalBytes()).isPositive().isEqualTo(total);
    assertThat(report.storage().systemVolume().freeBytes()).isBetween(0L, total);
  }

  @Test
  void bootModeFollowsSysFirmwareEfi() {
    String expected = Files.isDirectory(Path.of("/sys/firmware/efi")) ? "UEFI" : "LEGACY";
    assertThat(report.computerSystem().bootMode()).isEqualTo(expected);
  }

  @Test
  void disksInAVirtualMachineAreNeverHddOrSsd() {
    assertThat(report.storage().disks()).isNotEmpty();
    assertThat(report.storage().disks())
        .noneMatch(d -> d.name().contains("zram") || d.name().contains("loop"));
    if (Boolean.TRUE.equals(report.virtualMachine())) {
      assertThat(report.storage().disks())
          .allSatisfy(
              d -> {
                assertThat(d.type()).isEqualTo(DiskType.UNKNOWN);
                assertThat(d.typeReason()).isEqualTo(DiskClassifier.VIRTUAL_REASON);
              });
    }
    assertThat(report.storage().disks())
        .filteredOn(d -> Boolean.TRUE.equals(d.system()))
        .hasSize(1);
  }

  @Test
  void networkInterfacesExcludeLoopback() {
    assertThat(report.peripherals().networkInterfaces())
        .isNotEmpty()
        .noneMatch(n -> n.name().equals("lo"));
  }

  @Test
  void everyProbeIsRecordedAndAntivirusIsUnsupportedOnLinux() {
    assertThat(report.probes())
        .extracting(Diagnostics.Probe::name)
        .contains(
            "cpu", "memory", "storage", "tpm", "secureBoot", "bootMode", "printers", "antivirus");
    assertThat(report.antivirus()).isNull();
    Diagnostics.Probe antivirus =
        report.probes().stream()
            .filter(p -> p.name().equals("antivirus"))
            .findFirst()
            .orElseThrow();
    assertThat(antivirus.status()).isEqualTo("UNSUPPORTED");
    assertThat(report.probes())
        .filteredOn(p -> p.status().equals("FAILED"))
        .allSatisfy(p -> assertThat(p.error()).isNotBlank());
  }

  @Test
  void diagnosticsComeInTheSameOrderEveryRun() {
    // Probes run on two lanes; the snapshot lists them in one fixed order all the same.
    assertThat(report.probes())
        .extracting(Diagnostics.Probe::name)
        .containsExactly(
            "computerSystem",
            "firmware",
            "bootMode",
            "secureBoot",
            "tpm",
            "chassis",
            "virtualization",
            "hostname",
            "osVersion",
            "os",
            "cpu",
            "memory",
            "storage",
            "displays",
            "printers",
            "usb",
            "network",
            "power",
            "antivirus");
  }
}
