package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.hatang.agent.Fixtures;

class SecureBootParserTest {
  @Test
  void confirmSecureBootUefi() {
    assertThat(parse("true")).isTrue();
    assertThat(parse("false")).isFalse();
    assertThat(parse("unsupported")).isFalse();
  }

  @Test
  void accessDeniedIsAnErrorNotAnAnswer() {
    assertThatThrownBy(() -> parse("denied")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void efiVariableFifthByte() {
    assertThat(SecureBootParser.parseEfiVariable(new byte[] {6, 0, 0, 0, 1})).isTrue();
    assertThat(SecureBootParser.parseEfiVariable(new byte[] {6, 0, 0, 0, 0})).isFalse();
    assertThatThrownBy(() -> SecureBootParser.parseEfiVariable(new byte[] {6, 0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static boolean parse(String fixture) {
    return SecureBootParser.parseConfirmSecureBoot(
        Fixtures.text("windows/confirm-securebootuefi-" + fixture + ".txt"));
  }
}
