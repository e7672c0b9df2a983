package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.hatang.agent.Fixtures;

class TpmParserTest {
  @Test
  void win32TpmGivesTheFirstComponentOfSpecVersion() {
    assertThat(TpmParser.parseWin32Tpm(Fixtures.text("windows/win32-tpm-2.0.txt")))
        .isEqualTo("2.0");
    assertThat(TpmParser.parseWin32Tpm(Fixtures.text("windows/win32-tpm-1.2.txt")))
        .isEqualTo("1.2");
  }

  @Test
  void win32TpmWithoutInstanceMeansNone() {
    assertThat(TpmParser.parseWin32Tpm("\r\n\r\n")).isEqualTo(TpmParser.NONE);
  }

  @Test
  void win32TpmWithOtherOutputIsAnError() {
    assertThatThrownBy(() -> TpmParser.parseWin32Tpm("Get-CimInstance : Access denied"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tpmtoolGivesVersionOrNone() {
    assertThat(TpmParser.parseTpmtool(Fixtures.text("windows/tpmtool-2.0.txt"))).isEqualTo("2.0");
    assertThat(TpmParser.parseTpmtool(Fixtures.text("windows/tpmtool-absent.txt")))
        .isEqualTo(TpmParser.NONE);
  }

  @Test
  void sysfsMajorVersion() {
    assertThat(TpmParser.parseSysfsMajor("2\n")).isEqualTo("2.0");
    assertThat(TpmParser.parseSysfsMajor("1\n")).isEqualTo("1.2");
    assertThatThrownBy(() -> TpmParser.parseSysfsMajor("3"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
