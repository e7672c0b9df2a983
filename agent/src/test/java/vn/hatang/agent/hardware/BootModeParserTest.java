package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.hatang.agent.Fixtures;

class BootModeParserTest {
  @Test
  void bcdeditWinloadPath() {
    assertThat(BootModeParser.parseBcdedit(Fixtures.text("windows/bcdedit-uefi.txt")))
        .isEqualTo("UEFI");
    assertThat(BootModeParser.parseBcdedit(Fixtures.text("windows/bcdedit-legacy.txt")))
        .isEqualTo("LEGACY");
    assertThatThrownBy(
            () ->
                BootModeParser.parseBcdedit(
                    "The boot configuration data store could not be opened."))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void firmwareTypeVariable() {
    assertThat(BootModeParser.parseFirmwareType("UEFI")).isEqualTo("UEFI");
    assertThat(BootModeParser.parseFirmwareType("Legacy")).isEqualTo("LEGACY");
    assertThat(BootModeParser.parseFirmwareType(null)).isNull();
    assertThat(BootModeParser.parseFirmwareType("Unknown")).isNull();
  }
}
