package vn.hatang.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hatang.core.Fixtures;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.TextWidth;

class ReportTableTest {
  private static PeriodReport report() {
    ReportBuilder b =
        new ReportBuilder(
            Period.parse("2026-11").orElseThrow(),
            ReportBuilderTest.judge(
                ReportBuilderTest.withUnitChecks(
                    List.of(ReportBuilderTest.UPS, ReportBuilderTest.LINE))),
            new ReportBuilderTest.Units(),
            (unit, item, day) -> OptionalInt.empty(),
            new EquipmentCounter(Map.of()));
    b.accept(
        ReportBuilderTest.snapshot(
            Fixtures.COMPLIANT,
            "qn1",
            "21583",
            "2026-11-20",
            List.of(ReportBuilderTest.dedicated(40))));
    b.accept(ReportBuilderTest.snapshot(Fixtures.OLD, "qn2", "21583", "2026-11-21", List.of()));
    b.accept(
        ReportBuilderTest.snapshot(Fixtures.COMPLIANT, "qn3", "21583", "2026-09-01", List.of()));
    b.accept(
        ReportBuilderTest.snapshot(Fixtures.COMPLIANT, "x1", "99999", "2026-11-03", List.of()));
    return b.build();
  }

  private static String render(PeriodReport r, String lang, Set<String> levels) {
    return ReportTable.render(
        r, levels, new Formats(Messages.of(Locale.forLanguageTag(lang), Messages.CORE_BUNDLE)));
  }

  @Test
  void vietnameseTableAlignsAndRollsUp() {
    String out = render(report(), "vi", Set.of());
    List<String> lines = out.lines().toList();
    assertThat(lines.get(0)).isEqualTo("Báo cáo kỳ 2026-11 (từ 01/11/2026 đến 30/11/2026)");
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("MÃ ")).findFirst().get());
    assertThat(lines.get(header))
        .startsWith("MÃ     ĐƠN VỊ             CẤP       DỰ KIẾN  ĐÃ THẤY");
    // The province row carries its wards' machines; the wards are indented under it.
    assertThat(lines.get(header + 1)).startsWith("52     Tỉnh Gia Lai ").endsWith(" 16,7 %");
    assertThat(lines.get(header + 2)).startsWith("21583    Phường Quy Nhơn ");
    assertThat(lines.get(header + 3)).startsWith("21607    Xã Nhơn Châu ");
    // Columns line up by display width whatever the diacritics.
    int width = TextWidth.of(lines.get(header));
    assertThat(TextWidth.of(lines.get(header + 1))).isEqualTo(width);
    assertThat(out)
        .contains("Tiêu chí cấp đơn vị không đạt hoặc chưa xác định:")
        .contains("đường truyền 'dedicated': 1 lần đo trong kỳ, cần 4")
        .contains("Mã đơn vị không khớp đơn vị nào")
        .contains("99999")
        .contains(
            "Tổng hợp: thấy 3 máy trên 6 máy dự kiến; 2 đang báo cáo, 0 dữ liệu cũ, 1 im lặng,"
                + " 3 chưa từng thấy; 1 máy đạt (16,7 %); 1 máy thuộc đơn vị không xác định;"
                + " đã đọc 4 bản kiểm kê.");
  }

  @Test
  void englishAndALevelFilter() {
    String out = render(report(), "en", Set.of("ward"));
    assertThat(out)
        .contains("Report for 2026-11 (2026-11-01 to 2026-11-30)")
        .contains("21583  Phường Quy Nhơn")
        .doesNotContain("Tỉnh Gia Lai")
        .contains("1 compliant (16.7 %)");
  }
}
