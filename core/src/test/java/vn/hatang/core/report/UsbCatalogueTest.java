package vn.hatang.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hatang.core.Fixtures;

class UsbCatalogueTest {

  @Test
  void theBundledCatalogueNamesTokensUpsAndScanners() {
    Map<String, String> c = UsbCatalogue.bundled();
    assertThat(c)
        .containsEntry("096e", "usb_token") // Feitian (VNPT-CA, Viettel-CA tokens)
        .containsEntry("0529", "usb_token") // SafeNet / Aladdin
        .containsEntry("051d", "ups") // APC
        .containsEntry("03f0:0101", "scanner") // HP ScanJet 4100c
        .doesNotContainKey("03f0") // HP makes printers too: products only
        .doesNotContainKey("03f0:0139"); // a barcode scanner is not a document scanner
    assertThat(c.values()).containsOnly("usb_token", "ups", "scanner");
    assertThat(c.keySet()).allMatch(id -> id.matches("[0-9a-f]{4}(:[0-9a-f]{4})?"));
    assertThat(c.values().stream().filter("scanner"::equals).count()).isGreaterThan(100);
  }

  @Test
  void withTheBundledCatalogueTheFixturesTokenCounts() {
    EquipmentCounter counter = new EquipmentCounter(UsbCatalogue.bundled());
    assertThat(counter.pieces(Fixtures.snapshot(Fixtures.COMPLIANT)).get("usb_token")).hasSize(1);
  }

  @Test
  void aBadEntryIsRefusedWithItsPlace() {
    assertThatThrownBy(
            () ->
                UsbCatalogue.parse(
                    "items:\n  - {id: \"096e\", item: usb_token}\n  - {id: \"96E\", item: x}\n",
                    "u.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("u.yaml:3:")
        .hasMessageContaining("usb.error.id");
    assertThatThrownBy(
            () ->
                UsbCatalogue.parse(
                    "items:\n  - {id: \"096e\", item: usb_token}\n  - {id: \"096e\", item: ups}\n",
                    "u.yaml"))
        .hasMessageContaining("usb.error.duplicate");
    assertThatThrownBy(() -> UsbCatalogue.parse("items: 3\n", "u.yaml"))
        .hasMessageContaining("usb.error.items");
  }
}
