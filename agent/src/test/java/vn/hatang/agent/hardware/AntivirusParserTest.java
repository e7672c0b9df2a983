package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.hatang.agent.Fixtures;
import vn.hatang.core.snapshot.AntivirusProduct;

class AntivirusParserTest {
  @Test
  void decodesProductState() {
    assertThat(AntivirusParser.parseCsv(Fixtures.text("windows/securitycenter2-antivirus.csv")))
        .containsExactly(
            // 0x060100: off, signatures up to date (Defender while another product is active)
            new AntivirusProduct("Windows Defender", false, true, 393472L),
            // 0x041000: on, up to date
            new AntivirusProduct("Kaspersky Endpoint Security for Windows", true, true, 266240L),
            // 0x061110: on, out of date
            new AntivirusProduct("BKAV Pro", true, false, 397584L));
  }

  @Test
  void defenderOn() {
    assertThat(AntivirusParser.parseCsv(Fixtures.text("windows/securitycenter2-defender-on.csv")))
        .containsExactly(new AntivirusProduct("Windows Defender", true, true, 397568L));
  }

  @Test
  void noProductsIsAnEmptyList() {
    assertThat(AntivirusParser.parseCsv("")).isEmpty();
  }

  @Test
  void unreadableStateIsNull() {
    assertThat(AntivirusParser.parseCsv("\"displayName\",\"productState\"\n\"X\",\"\"\n"))
        .containsExactly(new AntivirusProduct("X", null, null, null));
  }
}
