package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -f xlsx|html|md} on check, report, plan and score: content, escaping, where bytes go. */
class DocumentFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVIL = "=HYPERLINK(\"http://x\")<b>";
  @TempDir Path dir;

  @Test
  void aReportWorkbookHasASheetPerLevelWithNumbersAsNumbers() throws Exception {
    Path out = dir.resolve("out/2026-11.xlsx");
    Cli r =
        Cli.run(
            "--lang",
            "vi",
            "report",
            "--period",
            "2026-11",
            TestSnapshots.withHostile(dir, EVIL, EVIL).toString(),
            "-f",
            "xlsx",
            "-o",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
      // For the director too: what any new file gets in that folder, not the owner alone.
      Path control = Files.createFile(dir.resolve("control"));
      assertThat(Files.getPosixFilePermissions(out))
          .isEqualTo(Files.getPosixFilePermissions(control));
    }
    try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(out))) {
      List<String> sheets = wb.getSheets().map(s -> s.getName()).toList();
      // The fixtures' units are wards and one unknown code: a sheet per level seen.
      // Without a units file, the snapshots' units: one level, commune (and no unit check to list).
      assertThat(sheets).containsExactly("Thông tin", "commune", "Theo tiêu chí", "Các máy");
      List<Row> communes = wb.findSheet("commune").orElseThrow().read();
      assertThat(communes.get(0).getCell(0).getText()).isEqualTo("MÃ");
      Row quyNhon =
          communes.stream()
              .filter(row -> row.getCell(1).getText().equals("Phường Quy Nhơn"))
              .findFirst()
              .orElseThrow();
      assertThat(quyNhon.getCell(5).getType()).isEqualTo(CellType.NUMBER); // machines seen
      assertThat(quyNhon.getCell(5).asNumber().intValue()).isPositive();
      List<Row> machines = wb.findSheet("Các máy").orElseThrow().read();
      assertThat(machines)
          .anySatisfy(
              row -> {
                assertThat(row.getCell(1).getType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(1).getText()).isEqualTo(EVIL);
              });
    }
    try (Stream<Path> files = Files.list(out.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("2026-11.xlsx");
    }
  }

  @Test
  void aReportPageIsSelfContainedAndEscapesAgentText() throws Exception {
    Cli r =
        Cli.run(
            "--lang",
            "vi",
            "report",
            "--period",
            "2026-11",
            TestSnapshots.withHostile(dir, EVIL, EVIL).toString(),
            "-f",
            "html");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("<html lang=\"vi\">");
    assertThat(r.out()).contains("Phường Quy Nhơn").contains("Tỷ lệ đạt chuẩn theo đơn vị");
    assertThat(r.out()).doesNotContain("<b>").contains("&lt;b&gt;");
    assertThat(r.out()).contains("<svg class=\"chart\"");
    // Checks named by their title in the reader's language, from the standard the report used.
    assertThat(r.out()).contains("Hệ điều hành còn được hỗ trợ");
  }

  @Test
  void aTrendNeedsEarlierReports() throws Exception {
    Path in = TestSnapshots.withHostile(dir, EVIL, EVIL);
    Path october = dir.resolve("2026-10.json");
    assertThat(
            Cli.run(
                    "report",
                    "--period",
                    "2026-10",
                    in.toString(),
                    "-f",
                    "json",
                    "-o",
                    october.toString())
                .exit())
        .isZero();
    Cli r =
        Cli.run(
            "report",
            "--period",
            "2026-11",
            in.toString(),
            "--previous",
            october.toString(),
            "-f",
            "html");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Compliance over the periods")
        .contains("<polyline class=\"line\"");
    assertThat(r.out()).contains(">2026-10</text>").contains(">2026-11</text>");
  }

  @Test
  void checkResultsInMarkdownAndAsAWorkbookOnAPipe() throws Exception {
    Path in = TestSnapshots.withHostile(dir, EVIL, EVIL);
    Cli md = Cli.run("check", in.toString(), "--date", "2026-11-25", "-f", "md");
    assertThat(md.exit()).isEqualTo(1); // deficiencies found, as with the table
    assertThat(md.out()).startsWith("# Check of the machines' basic IT infrastructure\n");
    assertThat(md.out())
        .contains("## Deficiencies by check")
        .contains("&lt;b&gt;")
        .doesNotContain("<b>");

    Cli pipe = Cli.runBinary(false, "check", in.toString(), "--date", "2026-11-25", "-f", "xlsx");
    assertThat(pipe.exit()).as(pipe.err()).isEqualTo(1);
    // Standard output holds the workbook alone: a zip from its first byte.
    assertThat(pipe.bytes()).startsWith((byte) 'P', (byte) 'K', (byte) 3, (byte) 4);
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(pipe.bytes()))) {
      assertThat(wb.getSheets().map(s -> s.getName()).toList())
          .containsExactly("About", "By check", "Machines", "Deficiencies");
    }
  }

  @Test
  void aBinaryFormatIsRefusedOnATerminalAndWithoutAStream() throws Exception {
    Path in = TestSnapshots.withHostile(dir, EVIL, EVIL);
    Cli terminal = Cli.runBinary(true, "check", in.toString(), "-f", "xlsx");
    assertThat(terminal.exit()).isEqualTo(2);
    assertThat(terminal.bytes()).isEmpty();
    assertThat(terminal.err()).contains("--format xlsx writes a binary file: give -o FILE");
    assertThat(Cli.run("check", in.toString(), "-f", "xlsx").exit()).isEqualTo(2);
  }

  @Test
  void commandsWhoseOutputIsNotADocumentSaySo() throws Exception {
    Cli r = Cli.run("history", TestSnapshots.withHostile(dir, EVIL, EVIL).toString(), "-f", "html");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--format html is for reports, plans, scores and check results");
  }

  @Test
  void aPlanAsMarkdownAndAsAWorkbook() throws Exception {
    Path in = TestSnapshots.withHostile(dir, EVIL, EVIL);
    Cli plan =
        Cli.run(
            "--lang",
            "vi",
            "plan",
            "--period",
            "2026-11",
            in.toString(),
            "--date",
            "2026-12-01",
            "-f",
            "md");
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("## Đơn vị: người phụ trách và kinh phí").contains("₫");
    Path xlsx = dir.resolve("plan.xlsx");
    Cli planBook =
        Cli.run(
            "plan",
            "--period",
            "2026-11",
            in.toString(),
            "--date",
            "2026-12-01",
            "-f",
            "xlsx",
            "-o",
            xlsx.toString());
    assertThat(planBook.exit()).as(planBook.err()).isZero();
    try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(xlsx))) {
      List<Row> items = wb.findSheet("Actions").orElseThrow().read();
      Row first = items.get(1);
      assertThat(first.getCell(4).getType()).isEqualTo(CellType.NUMBER); // quantity
      Row total = items.get(items.size() - 1);
      assertThat(total.getCell(0).getText()).isEqualTo("Total");
      assertThat(total.getCell(7).getType()).isEqualTo(CellType.NUMBER);
    }
  }
}
