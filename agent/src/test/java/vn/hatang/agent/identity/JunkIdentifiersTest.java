package vn.hatang.agent.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class JunkIdentifiersTest {
  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "Default string",
        "To be filled by O.E.M.",
        "TO BE FILLED BY O.E.M.",
        "System Serial Number",
        "None",
        "N/A",
        "0",
        "123456789",
        "00000000-0000-0000-0000-000000000000",
        "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "03000200-0400-0500-0006-000700080009",
        "",
        "   ",
        "Unknown",
        " unknown "
      })
  void junk(String value) {
    assertThat(JunkIdentifiers.isJunk(value)).isTrue();
    assertThat(JunkIdentifiers.clean(value)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PF2ABCDE", "4C4C4544-0042-3510-8052-B4C04F4D3732", "CZC1234XYZ", "F00"})
  void real(String value) {
    assertThat(JunkIdentifiers.isJunk(value)).isFalse();
    assertThat(JunkIdentifiers.clean(" " + value + " ")).isEqualTo(value);
  }
}
