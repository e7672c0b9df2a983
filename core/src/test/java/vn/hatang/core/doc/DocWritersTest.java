package vn.hatang.core.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hatang.core.doc.Doc.row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import vn.hatang.core.check.State;
import vn.hatang.core.doc.Doc.Column;
import vn.hatang.core.doc.Doc.Kind;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.Formats;

class DocWritersTest {
  private static final String HOSTILE =
      "=HYPERLINK(\"http://evil\",\"x\")|<script>alert(1)</script>";

  /** A document with every kind of cell, a hostile hostname, a total, a chart and a trend. */
  static Doc sample() {
    Doc.Table units =
        Doc.Table.of(
                "xã",
                "Đơn vị cấp xã",
                List.of(
                    new Column("MÃ", Kind.TEXT),
                    new Column("ĐƠN VỊ", Kind.TEXT),
                    new Column("SỐ MÁY", Kind.INTEGER),
                    new Column("% ĐẠT", Kind.PERCENT),
                    new Column("KINH PHÍ", Kind.MONEY),
                    new Column("HẠN", Kind.DATE),
                    new Column("KẾT LUẬN", Kind.STATE),
                    new Column("TỐC ĐỘ", Kind.NUMBER)),
                List.of(
                    row(
                        "21583",
                        "Phường Quy Nhơn",
                        12L,
                        85.5,
                        6_500_000L,
                        LocalDate.of(2026, 12, 31),
                        State.FAIL,
                        95.7),
                    row("21607", HOSTILE, 5L, 40.0, 0L, null, State.PASS, null)))
            .withTotals(row("Tổng cộng", null, 17L, 70.6, 6_500_000L, null, null, null))
            .withChart(new Doc.Chart("Tỷ lệ đạt", 1, 3, 100.0, List.of(0, 1)))
            .withNotes(List.of("ghi chú"));
    return Doc.of(
            "Báo cáo kỳ 2026-11",
            List.of("Bộ tiêu chuẩn vn-basic-it@2025.1"),
            "VND",
            List.of(units))
        .withTrend(
            new Doc.Trend(
                "Qua các kỳ",
                List.of("2026-10", "2026-11"),
                java.util.Arrays.asList(60.0, 70.6),
                100));
  }

  static Formats formats(String lang) {
    return new Formats(Messages.of(Locale.forLanguageTag(lang), Messages.CORE_BUNDLE));
  }

  @Test
  void aWorkbookStoresNumbersAsNumbersDatesAsDatesAndTextNeverAsAFormula() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxWriter.write(sample(), formats("vi"), out);
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(wb.getSheets().map(s -> s.getName()).toList()).containsExactly("Thông tin", "xã");
      List<Row> rows = wb.getSheet(1).orElseThrow().read();
      assertThat(rows.get(0).getCell(1).getText()).isEqualTo("ĐƠN VỊ");
      Row first = rows.get(1);
      assertThat(first.getCell(2).getType()).isEqualTo(CellType.NUMBER);
      assertThat(first.getCell(2).asNumber()).isEqualByComparingTo(new BigDecimal("12"));
      assertThat(first.getCell(3).asNumber()).isEqualByComparingTo(new BigDecimal("0.855"));
      assertThat(first.getCell(4).asNumber()).isEqualByComparingTo(new BigDecimal("6500000"));
      assertThat(first.getCell(5).asDate()).isEqualTo(LocalDate.of(2026, 12, 31).atStartOfDay());
      assertThat(first.getCell(6).getText()).isEqualTo("KHÔNG ĐẠT");
      Row hostile = rows.get(2);
      assertThat(hostile.getCell(1).getType()).isEqualTo(CellType.STRING);
      assertThat(hostile.getCell(1).getText()).isEqualTo(HOSTILE);
      assertThat(hostile.getCell(1).getRawValue()).isEqualTo(HOSTILE);
      assertThat(rows.get(3).getCell(0).getText()).isEqualTo("Tổng cộng");
    }
    String sheet = entry(out.toByteArray(), "xl/worksheets/sheet2.xml");
    assertThat(sheet).contains("<pane").contains("state=\"frozen\"").contains("ySplit=\"1\"");
    assertThat(sheet).contains("<autoFilter ref=\"A1:H4\"");
    assertThat(sheet).doesNotContain("<f>");
    assertThat(entry(out.toByteArray(), "xl/styles.xml"))
        .contains("formatCode=\"dd/mm/yyyy\"")
        .contains("0.0%")
        .contains("₫");
  }

  @Test
  void aWorkbookInEnglishWritesDatesTheIsoWayAndTheCurrencyCode() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxWriter.write(sample(), formats("en"), out);
    assertThat(entry(out.toByteArray(), "xl/styles.xml"))
        .contains("formatCode=\"yyyy-mm-dd\"")
        .contains("VND");
  }

  @Test
  void sheetNamesAreShortUniqueAndWithoutForbiddenCharacters() {
    java.util.Set<String> taken = new java.util.HashSet<>();
    assertThat(XlsxWriter.sheetName("a/b:c*d?e[f]g\\h", taken)).isEqualTo("a_b_c_d_e_f_g_h");
    String longName = "x".repeat(40);
    assertThat(XlsxWriter.sheetName(longName, taken)).hasSize(31);
    assertThat(XlsxWriter.sheetName(longName, taken)).isEqualTo("x".repeat(27) + " (2)");
    assertThat(XlsxWriter.sheetName("'", taken)).isEqualTo("Sheet");
  }

  @Test
  void aPageIsSelfContainedEscapedAndWritesFiguresForTheLanguage() throws Exception {
    StringWriter out = new StringWriter();
    HtmlWriter.write(sample(), formats("vi"), "hatang test", out);
    String html = out.toString();
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"vi\">");
    assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
    assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    // Vietnamese figures: 85,5 % and 6.500.000 ₫; a date as 31/12/2026.
    assertThat(html).contains("85,5 %").contains("6.500.000 ₫").contains("31/12/2026");
    assertThat(html).contains("<td class=\"FAIL\">KHÔNG ĐẠT</td>");
    // The bar chart (two bars) and the trend line.
    assertThat(html).contains("<svg class=\"chart\"").contains("<title>Tỷ lệ đạt</title>");
    assertThat(html.split("<rect class=\"bar", -1)).hasSize(3);
    assertThat(html).contains("<polyline class=\"line\"");
    assertThat(html).contains("<tfoot><tr class=\"total\">");
    assertThat(html).contains("@page { size: A4");
  }

  @Test
  void markdownEscapesCellsAndAlignsNumbers() throws Exception {
    StringWriter out = new StringWriter();
    MarkdownWriter.write(sample(), formats("en"), out);
    String md = out.toString();
    assertThat(md).startsWith("# Báo cáo kỳ 2026-11\n");
    assertThat(md).contains("| MÃ | ĐƠN VỊ | SỐ MÁY | % ĐẠT |");
    assertThat(md).contains("|---|---|---:|---:|---:|---|---|---:|");
    assertThat(md)
        .contains(
            "| 21583 | Phường Quy Nhơn | 12 | 85.5 % | 6,500,000 VND | 2026-12-31 | FAIL | 95.7 |");
    // The hostile name cannot end the cell, open a tag or a link.
    assertThat(md)
        .contains("=HYPERLINK(\"http://evil\",\"x\")\\|&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(md).contains("| **Tổng cộng** |");
  }

  /** One part of a workbook (written with data descriptors: read through the central directory). */
  static String entry(byte[] zip, String name) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("doc", ".xlsx");
    try {
      java.nio.file.Files.write(file, zip);
      try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(file.toFile())) {
        ZipEntry e = z.getEntry(name);
        if (e == null) {
          throw new AssertionError("no " + name);
        }
        try (var in = z.getInputStream(e)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    } finally {
      java.nio.file.Files.delete(file);
    }
  }
}
