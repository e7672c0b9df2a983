package vn.hatang.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hatang.core.Fixtures;
import vn.hatang.core.snapshot.Machine;
import vn.hatang.core.snapshot.Peripherals;
import vn.hatang.core.snapshot.Snapshot;

class EquipmentCounterTest {
  private static final EquipmentCounter COUNTER =
      new EquipmentCounter(Map.of("096E", "usb_token", "07b3", "scanner", "051d:0002", "ups"));

  /** The compliant fixture as another machine with other peripherals. */
  private static Snapshot pc(String machineId, Peripherals peripherals) {
    Snapshot s = Fixtures.snapshot(Fixtures.COMPLIANT);
    Machine m = s.machine();
    return new Snapshot(
        s.schemaVersion(),
        s.snapshotId(),
        s.takenAt(),
        s.agent(),
        s.unit(),
        new Machine(m.hostname(), machineId, m.machineIdSource(), m.role(), m.tags()),
        s.computerSystem(),
        s.os(),
        s.cpu(),
        s.memory(),
        s.storage(),
        peripherals,
        s.antivirus(),
        s.lines(),
        s.diagnostics());
  }

  @Test
  void theFixturesEquipment() {
    Map<String, java.util.Set<String>> pieces =
        COUNTER.pieces(Fixtures.snapshot(Fixtures.COMPLIANT));
    assertThat(pieces.keySet()).containsExactly("printer", "display", "ups", "usb_token");
    assertThat(pieces.get("printer")).hasSize(1);
    assertThat(pieces.get("usb_token")).hasSize(1);
  }

  @Test
  void aNetworkPrinterOnManyPcsIsOnePrinterAndVirtualOnesAreNone() {
    Peripherals.Printer shared =
        new Peripherals.Printer("HP M404 (phòng 2)", "HP", "IP_10.52.1.50", false, true, "Idle");
    Peripherals.Printer pdf =
        new Peripherals.Printer(
            "Microsoft Print to PDF", "Microsoft Print To PDF", "PORTPROMPT:", false, false, "");
    Peripherals.Printer local =
        new Peripherals.Printer("Canon LBP2900", "Canon LBP2900", "USB001", true, false, "Idle");
    UnitFacts facts = new UnitFacts();
    for (String id : List.of("pc1", "pc2", "pc3")) {
      facts.equipment(
          COUNTER.pieces(
              pc(
                  id,
                  new Peripherals(List.of(), List.of(shared, pdf, local), List.of(), null, null))));
    }
    // One shared network printer and a local one on each of the three PCs.
    assertThat(facts.equipmentSeen("printer")).isEqualTo(4);
  }

  @Test
  void usbItemsByVendorOrProductAndSerial() {
    Peripherals.UsbDevice token =
        new Peripherals.UsbDevice("ePass", "Feitian", "096e", "0608", "T-1");
    Peripherals.UsbDevice scanner =
        new Peripherals.UsbDevice("OpticSlim", "Plustek", "07B3", "1300", null);
    Peripherals.UsbDevice apcUps = new Peripherals.UsbDevice("Back-UPS", "APC", "051d", "0002", "");
    Peripherals.UsbDevice apcOther = new Peripherals.UsbDevice("Other", "APC", "051d", "0003", "");
    Peripherals.UsbDevice mouse =
        new Peripherals.UsbDevice("Mouse", "Logitech", "046d", "c077", "");
    UnitFacts facts = new UnitFacts();
    // The same token (same serial) moved between two PCs is one token; the scanner has no serial.
    facts.equipment(
        COUNTER.pieces(
            pc(
                "pc1",
                new Peripherals(null, null, List.of(token, scanner, apcUps, mouse), null, null))));
    facts.equipment(
        COUNTER.pieces(
            pc("pc2", new Peripherals(null, null, List.of(token, apcOther), null, null))));
    assertThat(facts.equipmentSeen("usb_token")).isEqualTo(1);
    assertThat(facts.equipmentSeen("scanner")).isEqualTo(1);
    assertThat(facts.equipmentSeen("ups")).isEqualTo(1);
    assertThat(facts.equipmentSeen("mouse")).isZero();
  }

  @Test
  void aUpsOnUsbThatIsAlsoThePowerSourceIsOneUps() {
    Peripherals.UsbDevice apcUps = new Peripherals.UsbDevice("Back-UPS", "APC", "051d", "0002", "");
    Peripherals.PowerSource asPower =
        new Peripherals.PowerSource("APC Back-UPS", "UPS", "ups", 100.0, true);
    Map<String, java.util.Set<String>> both =
        COUNTER.pieces(
            pc("pc1", new Peripherals(null, null, List.of(apcUps), null, List.of(asPower))));
    assertThat(both.get("ups")).hasSize(1);
    Map<String, java.util.Set<String>> usbOnly =
        COUNTER.pieces(pc("pc1", new Peripherals(null, null, List.of(apcUps), null, null)));
    assertThat(usbOnly.get("ups")).hasSize(1);
  }

  @Test
  void unreadablePeripheralsAreNothingSeen() {
    assertThat(COUNTER.pieces(pc("pc1", null))).isEmpty();
    assertThat(COUNTER.pieces(pc("pc1", new Peripherals(null, null, null, null, null)))).isEmpty();
  }
}
