package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hatang.agent.Fixtures;
import vn.hatang.core.snapshot.Peripherals.Printer;

class PrinterParserTest {
  @Test
  void lpstatPrintersWithDefaultStatusAndDevice() {
    List<Printer> printers = PrinterParser.parseLpstat(Fixtures.text("linux/lpstat-p-d-v.txt"));
    assertThat(printers)
        .containsExactly(
            new Printer(
                "Canon_LBP2900",
                null,
                "usb://Canon/LBP2900?serial=0000A1B2C3D4",
                false,
                false,
                "disabled"),
            new Printer(
                "HP_LaserJet_P1102",
                null,
                "hp:/usb/HP_LaserJet_Professional_P1102?serial=000000000Q8D1LYPSI2a",
                true,
                false,
                "idle"),
            new Printer(
                "Office_MFP", null, "ipp://192.168.1.50/ipp/print", false, true, "printing"));
  }

  @Test
  void lpstatWithoutDefault() {
    List<Printer> printers =
        PrinterParser.parseLpstat(Fixtures.text("linux/lpstat-no-default.txt"));
    assertThat(printers)
        .containsExactly(new Printer("PDF", null, "cups-pdf:/", false, false, "idle"));
  }

  @Test
  void lpstatWithNothing() {
    assertThat(PrinterParser.parseLpstat("no system default destination\n")).isEmpty();
  }

  @Test
  void win32PrinterCsv() {
    List<Printer> printers =
        PrinterParser.parseWin32PrinterCsv(Fixtures.text("windows/win32-printer.csv"));
    assertThat(printers)
        .containsExactly(
            new Printer(
                "Microsoft Print to PDF",
                "Microsoft Print To PDF",
                "PORTPROMPT:",
                false,
                false,
                "idle"),
            new Printer(
                "HP LaserJet P1102 (Phòng Kế toán)",
                "HP LaserJet Professional P1102",
                "USB001",
                true,
                false,
                "idle"),
            new Printer(
                "\\\\server01\\Canon LBP2900",
                "Canon LBP2900",
                "\\\\server01\\Canon LBP2900",
                false,
                true,
                "offline"),
            new Printer(
                "OneNote \"Desktop\"",
                "Send to Microsoft OneNote 16 Driver",
                "nul:",
                false,
                false,
                null));
  }
}
