package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OshiValuesTest {
  @Test
  void sentinelsBecomeNull() {
    assertThat(OshiValues.text("unknown")).isNull();
    assertThat(OshiValues.text("  ")).isNull();
    assertThat(OshiValues.text(null)).isNull();
    assertThat(OshiValues.text(" Dell Inc. ")).isEqualTo("Dell Inc.");
    assertThat(OshiValues.positive(0L)).isNull();
    assertThat(OshiValues.positive(-1L)).isNull();
    assertThat(OshiValues.positive(3_000_000_000L)).isEqualTo(3_000_000_000L);
    assertThat(OshiValues.decimal("25")).isEqualTo(25);
    assertThat(OshiValues.decimal("0x19")).isNull();
  }

  @Test
  void usbIdsAndMacs() {
    assertThat(OshiHardwareProbe.usbId("046D")).isEqualTo("046d");
    assertThat(OshiHardwareProbe.usbId("0x1d6b")).isEqualTo("1d6b");
    assertThat(OshiHardwareProbe.usbId("3")).isEqualTo("0003");
    assertThat(OshiHardwareProbe.usbId("unknown")).isNull();
    assertThat(OshiHardwareProbe.usbId("ROOT_HUB30")).isNull();
    assertThat(OshiHardwareProbe.mac("B0-A4-60-D5-C1-F2")).isEqualTo("b0:a4:60:d5:c1:f2");
    assertThat(OshiHardwareProbe.mac("00:00:00:00:00:00")).isNull();
    assertThat(OshiHardwareProbe.powerKind("APC Back-UPS ES 700", null, true)).isEqualTo("ups");
    assertThat(OshiHardwareProbe.powerKind("BAT0", "5B10W13930", false)).isEqualTo("battery");
    assertThat(OshiHardwareProbe.powerKind("AC", null, false)).isNull();
    assertThat(OshiHardwareProbe.powerKind("DELL 451-BBZL", "Primary", true)).isEqualTo("battery");
  }
}
