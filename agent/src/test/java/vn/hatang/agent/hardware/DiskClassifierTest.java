package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.hatang.core.snapshot.DiskType;

class DiskClassifierTest {
  @Test
  void virtualDisksAreUnknownEvenWhenRotational() {
    assertThat(DiskClassifier.classify("/dev/vda", null, "HDD", false))
        .isEqualTo(
            new DiskClassifier.Classification(DiskType.UNKNOWN, DiskClassifier.VIRTUAL_REASON));
    assertThat(DiskClassifier.classify("/dev/sda", "QEMU HARDDISK", "HDD", false).type())
        .isEqualTo(DiskType.UNKNOWN);
    assertThat(
            DiskClassifier.classify("\\\\.\\PHYSICALDRIVE0", "Msft Virtual Disk", "HDD", false)
                .type())
        .isEqualTo(DiskType.UNKNOWN);
    assertThat(DiskClassifier.classify("/dev/sda", "VMware Virtual S", "SSD", false).type())
        .isEqualTo(DiskType.UNKNOWN);
    assertThat(DiskClassifier.classify("/dev/sda", "VBOX HARDDISK", "HDD", false).type())
        .isEqualTo(DiskType.UNKNOWN);
  }

  @Test
  void anyDiskInAVirtualMachineIsUnknown() {
    assertThat(DiskClassifier.classify("/dev/sda", "Samsung SSD 870", "SSD", true))
        .isEqualTo(
            new DiskClassifier.Classification(DiskType.UNKNOWN, DiskClassifier.VIRTUAL_REASON));
  }

  @Test
  void physicalDisksFollowTheOs() {
    assertThat(DiskClassifier.classify("/dev/sda", "ST1000DM010-2EP102", "HDD", false).type())
        .isEqualTo(DiskType.HDD);
    assertThat(DiskClassifier.classify("/dev/sda", "Samsung SSD 870", "SSD", false).type())
        .isEqualTo(DiskType.SSD);
    assertThat(DiskClassifier.classify("/dev/nvme0n1", "WDC PC SN530", null, false).type())
        .isEqualTo(DiskType.SSD);
    DiskClassifier.Classification unknown =
        DiskClassifier.classify("/dev/sda", "ST1000DM010-2EP102", "unknown", false);
    assertThat(unknown.type()).isEqualTo(DiskType.UNKNOWN);
    assertThat(unknown.reason()).isNotBlank();
  }
}
