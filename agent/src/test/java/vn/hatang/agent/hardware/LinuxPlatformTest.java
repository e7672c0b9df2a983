package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import vn.hatang.agent.Fixtures;

class LinuxPlatformTest {
  private static LinuxPlatform platform(String tree) {
    return new LinuxPlatform(Fixtures.path("linux/" + tree), new CommandRunner());
  }

  @Test
  void uefiWithSecureBootAndTpm2Laptop() throws Exception {
    LinuxPlatform linux = platform("sysroot-uefi-secureboot-tpm2");
    assertThat(linux.bootMode()).isEqualTo("UEFI");
    assertThat(linux.secureBoot("UEFI")).isTrue();
    assertThat(linux.tpmVersion()).isEqualTo("2.0");
    assertThat(linux.chassis()).isEqualTo("Notebook");
    assertThat(linux.virtualMachine("LENOVO", "20L5S0B100")).isFalse();
    assertThat(linux.removable("/dev/nvme0n1")).isFalse();
    assertThat(linux.removable("/dev/sdz")).isNull();
  }

  @Test
  void uefiWithSecureBootOffAndEmptyTpmClass() throws Exception {
    LinuxPlatform linux = platform("sysroot-uefi-secureboot-off");
    assertThat(linux.bootMode()).isEqualTo("UEFI");
    assertThat(linux.secureBoot("UEFI")).isFalse();
    assertThat(linux.tpmVersion()).isEqualTo("none");
    assertThat(linux.chassis()).isEqualTo("Desktop");
    assertThat(linux.virtualMachine(null, null)).isTrue();
  }

  @Test
  void legacyVirtualMachineWithoutTpmClassOrDmi() throws Exception {
    LinuxPlatform linux = platform("sysroot-legacy-vm");
    assertThat(linux.bootMode()).isEqualTo("LEGACY");
    assertThat(linux.secureBoot("LEGACY")).isFalse();
    assertThatThrownBy(linux::tpmVersion).isInstanceOf(UnsupportedProbeException.class);
    assertThatThrownBy(linux::chassis)
        .isInstanceOf(UnsupportedProbeException.class)
        .hasMessageContaining("no /sys/class/dmi");
    assertThat(linux.dmiReadable()).isFalse();
    assertThat(linux.maxFrequencyReadable()).isFalse();
    assertThat(linux.virtualMachine(null, null)).isTrue();
  }

  @Test
  void uefiWithoutEfivarsIsUnreadableAndOldTpmIsReadFromCaps() throws Exception {
    LinuxPlatform linux = platform("sysroot-uefi-no-efivars");
    assertThat(linux.bootMode()).isEqualTo("UEFI");
    assertThatThrownBy(() -> linux.secureBoot("UEFI")).isInstanceOf(IOException.class);
    assertThat(linux.tpmVersion()).isEqualTo("1.2");
  }

  @Test
  void antivirusIsUnsupported() {
    assertThatThrownBy(() -> platform("sysroot-legacy-vm").antivirus())
        .isInstanceOf(UnsupportedProbeException.class);
  }
}
