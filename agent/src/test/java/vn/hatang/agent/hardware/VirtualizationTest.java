package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.hatang.agent.Fixtures;

class VirtualizationTest {
  @Test
  void hypervisorFlag() {
    assertThat(
            Virtualization.cpuinfoHasHypervisorFlag(
                Fixtures.text("linux/sysroot-legacy-vm/proc/cpuinfo")))
        .isTrue();
    assertThat(
            Virtualization.cpuinfoHasHypervisorFlag(
                Fixtures.text("linux/sysroot-uefi-secureboot-tpm2/proc/cpuinfo")))
        .isFalse();
  }

  @Test
  void detectVirt() {
    assertThat(Virtualization.parseDetectVirt("kvm\n")).isEqualTo("kvm");
    assertThat(Virtualization.parseDetectVirt("none\n")).isNull();
  }

  @Test
  void virtualModels() {
    assertThat(Virtualization.isVirtualModel("Microsoft Corporation", "Virtual Machine")).isTrue();
    assertThat(Virtualization.isVirtualModel("QEMU", "Standard PC (Q35 + ICH9, 2009)")).isTrue();
    assertThat(Virtualization.isVirtualModel("innotek GmbH", "VirtualBox")).isTrue();
    assertThat(Virtualization.isVirtualModel("Dell Inc.", "OptiPlex 7070")).isFalse();
    assertThat(Virtualization.isVirtualModel(null, null)).isFalse();
  }
}
