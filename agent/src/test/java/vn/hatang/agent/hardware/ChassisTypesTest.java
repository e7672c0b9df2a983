package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.hatang.agent.Fixtures;

class ChassisTypesTest {
  @Test
  void namesFromSmbiosCodes() {
    assertThat(ChassisTypes.name(3)).isEqualTo("Desktop");
    assertThat(ChassisTypes.name(10)).isEqualTo("Notebook");
    assertThat(ChassisTypes.name(23)).isEqualTo("Rack Mount Chassis");
    assertThat(ChassisTypes.name(36)).isEqualTo("Stick PC");
    assertThat(ChassisTypes.name(2)).isNull();
    assertThat(ChassisTypes.name(0)).isNull();
    assertThat(ChassisTypes.name(99)).isNull();
  }

  @Test
  void parsesWindowsOutput() {
    assertThat(ChassisTypes.parse(Fixtures.text("windows/win32-systemenclosure-chassistypes.txt")))
        .isEqualTo("Desktop");
  }
}
