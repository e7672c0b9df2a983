package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MicroarchitecturesTest {
  @Test
  void looksUpByFamilyModelAndStepping() {
    assertThat(Microarchitectures.lookup("GenuineIntel", 6, 158, 10)).isEqualTo("Coffee Lake");
    assertThat(Microarchitectures.lookup("GenuineIntel", 6, 158, 9)).isEqualTo("Kaby Lake");
    assertThat(Microarchitectures.lookup("GenuineIntel", 6, 151, 2)).isEqualTo("Alder Lake");
    assertThat(Microarchitectures.lookup("AuthenticAMD", 25, 1, 1)).isEqualTo("Zen 3");
    assertThat(Microarchitectures.lookup("AuthenticAMD", 23, 8, null)).isEqualTo("Zen+");
    assertThat(Microarchitectures.lookup("AuthenticAMD", 26, 99, 0)).isEqualTo("Zen 5");
  }

  @Test
  void unknownVendorsAndFamiliesHaveNone() {
    assertThat(Microarchitectures.lookup("CentaurHauls", 6, 15, 1)).isNull();
    assertThat(Microarchitectures.lookup("AuthenticAMD", 99, 1, 1)).isNull();
    assertThat(Microarchitectures.lookup(null, 6, 158, 10)).isNull();
  }
}
