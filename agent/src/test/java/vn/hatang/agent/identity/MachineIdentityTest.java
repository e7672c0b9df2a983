package vn.hatang.agent.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MachineIdentityTest {
  private static final List<MachineIdentity.Nic> NICS =
      List.of(
          new MachineIdentity.Nic("wlan0", "b0:a4:60:d5:c1:f2", false),
          new MachineIdentity.Nic("eth0", "98:90:96:aa:bb:cc", false),
          new MachineIdentity.Nic("docker0", "02:42:ac:11:00:02", true));

  @Test
  void hardwareIdIsAHashOfNormalisedUuidAndSerial() {
    MachineIdentity a =
        MachineIdentity.derive("4c4c4544-0042-3510-8052-b4c04f4d3732", " cz1234 ", NICS)
            .orElseThrow();
    MachineIdentity b =
        MachineIdentity.derive("4C4C4544-0042-3510-8052-B4C04F4D3732", "CZ1234", List.of())
            .orElseThrow();
    assertThat(a.source()).isEqualTo("hardware");
    assertThat(a.machineId()).hasSize(32).matches("[0-9a-f]{32}").isEqualTo(b.machineId());
    assertThat(a.machineId())
        .isEqualTo(MachineIdentity.hash("uuid=4C4C4544-0042-3510-8052-B4C04F4D3732;serial=CZ1234"));
  }

  @Test
  void matchesTheExampleInDocsSnapshotMd() {
    assertThat(
            MachineIdentity.derive("7e1a9c52-3d4b-4f1e-9a2b-1c5d3e7f9a10", "4CE1234ABC", NICS)
                .orElseThrow())
        .isEqualTo(new MachineIdentity("ffd5c1df1de334ec2d45741c86c2c7d5", "hardware"));
  }

  @Test
  void junkSerialIsIgnoredButUuidStillCounts() {
    MachineIdentity withJunk =
        MachineIdentity.derive(
                "4C4C4544-0042-3510-8052-B4C04F4D3732", "To be filled by O.E.M.", NICS)
            .orElseThrow();
    MachineIdentity without =
        MachineIdentity.derive("4C4C4544-0042-3510-8052-B4C04F4D3732", null, NICS).orElseThrow();
    assertThat(withJunk).isEqualTo(without);
    assertThat(withJunk.source()).isEqualTo("hardware");
  }

  @Test
  void bothJunkFallsBackToTheFirstPhysicalMacByInterfaceName() {
    MachineIdentity id =
        MachineIdentity.derive("03000200-0400-0500-0006-000700080009", "Default string", NICS)
            .orElseThrow();
    assertThat(id.source()).isEqualTo("mac");
    assertThat(id.machineId()).isEqualTo(MachineIdentity.hash("mac=98:90:96:aa:bb:cc"));
  }

  @Test
  void noHardwareIdAndNoPhysicalMacGivesNothing() {
    Optional<MachineIdentity> id =
        MachineIdentity.derive(
            null,
            "0",
            List.of(
                new MachineIdentity.Nic("eth0", "02:fc:00:00:00:01", false),
                new MachineIdentity.Nic("eth1", "00:00:00:00:00:00", false),
                new MachineIdentity.Nic("vmnet1", "00:50:56:c0:00:01", true)));
    assertThat(id).isEmpty();
  }

  @Test
  void physicalMacRules() {
    assertThat(MachineIdentity.isPhysicalMac("98:90:96:aa:bb:cc")).isTrue();
    assertThat(MachineIdentity.isPhysicalMac("02:42:ac:11:00:02"))
        .isFalse(); // locally administered
    assertThat(MachineIdentity.isPhysicalMac("01:00:5e:00:00:01")).isFalse(); // multicast
    assertThat(MachineIdentity.isPhysicalMac("00:00:00:00:00:00")).isFalse();
    assertThat(MachineIdentity.isPhysicalMac(null)).isFalse();
  }
}
