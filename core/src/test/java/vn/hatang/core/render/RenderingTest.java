package vn.hatang.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hatang.core.i18n.Lang;
import vn.hatang.core.i18n.Messages;

class RenderingTest {

  @Test
  void vietnameseTakesOneColumnPerLetterInEitherNormalForm() {
    String nfc = "Phường Quy Nhơn";
    String nfd = java.text.Normalizer.normalize(nfc, java.text.Normalizer.Form.NFD);
    assertThat(nfd.length()).isGreaterThan(nfc.length());
    assertThat(TextWidth.of(nfc)).isEqualTo(15);
    assertThat(TextWidth.of(nfd)).isEqualTo(15);
    assertThat(TextWidth.of("表")).isEqualTo(2);
    assertThat(TextWidth.padRight("Xã", 5)).isEqualTo("Xã   ");
    assertThat(TextWidth.truncate("Nâng cấp RAM lên 8 GB", 8)).isEqualTo("Nâng cấ…");
  }

  @Test
  void tableColumnsLineUpWithVietnamese() {
    String t =
        TextTable.render(
            List.of(
                new String[] {"ĐƠN VỊ", "N"},
                new String[] {"Phường Quy Nhơn", "12"},
                new String[] {"Xã", "3"}),
            new boolean[] {false, true},
            "");
    List<String> lines = t.lines().toList();
    assertThat(lines)
        .containsExactly("ĐƠN VỊ            N", "Phường Quy Nhơn  12", "Xã                3");
    assertThat(lines).allMatch(l -> TextWidth.of(l) == 19);
  }

  @Test
  void terminalEscapesInUntrustedTextAreNeutralised() {
    assertThat(Safe.text("PC\u001b[31mRED\u0007")).isEqualTo("PC\uFFFD[31mRED\uFFFD");
    assertThat(Safe.text("a\u202Eb")).isEqualTo("a\uFFFDb");
    // C1 controls, DEL, separators, isolates; emoji (surrogate pairs) and Vietnamese kept.
    assertThat(Safe.text("x\u0085\u007F\u2028\u2066y 😀 Trường"))
        .isEqualTo("x\uFFFD\uFFFD\uFFFD\uFFFDy 😀 Trường");
    assertThat(Safe.text("U48001-CHUTICH-01")).isEqualTo("U48001-CHUTICH-01");
  }

  @Test
  void widthsOfPlainAndOtherTextAgree() {
    assertThat(TextWidth.of("U48001-CHUTICH-01")).isEqualTo(17);
    assertThat(TextWidth.of("a\tb")).isEqualTo(2); // a control takes no column
    assertThat(TextWidth.padRight("ab", 4)).isEqualTo("ab  ");
    assertThat(TextWidth.padLeft("ab", 4)).isEqualTo("  ab");
    assertThat(TextWidth.truncate("abcdef", 4)).isEqualTo("abc…");
    assertThat(TextWidth.truncate("Trường", 4)).isEqualTo("Trư…");
  }

  @Test
  void csvCellsThatCouldRunAsFormulasAreNeutralised() {
    assertThat(Safe.csvCell("=HYPERLINK(\"http://x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(Safe.csvCell("+1")).isEqualTo("'+1");
    assertThat(Safe.csvCell("-2")).isEqualTo("'-2");
    assertThat(Safe.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Safe.csvCell("a,b")).isEqualTo("\"a,b\"");
    assertThat(Safe.csvCell("Phường")).isEqualTo("Phường");
  }

  @Test
  void numbersAndMoneyFollowTheLanguage() {
    Formats vi = new Formats(Messages.of(Lang.VI));
    Formats en = new Formats(Messages.of(Locale.ENGLISH));
    assertThat(vi.number(3.8)).isEqualTo("3,8");
    assertThat(en.number(3.8)).isEqualTo("3.8");
    assertThat(vi.money(650_000, "VND")).isEqualTo("650.000 ₫");
    assertThat(en.money(650_000, "VND")).isEqualTo("650,000 VND");
  }

  @Test
  void languageComesFromFlagThenEnvironment() {
    assertThat(Lang.resolve("vi", Map.of())).isEqualTo(Lang.VI);
    assertThat(Lang.resolve(null, Map.of("LANG", "vi_VN.UTF-8"))).isEqualTo(Lang.VI);
    assertThat(Lang.resolve(null, Map.of("LC_ALL", "C.UTF-8", "LANG", "vi_VN.UTF-8")))
        .isEqualTo(Locale.ENGLISH);
    assertThat(Lang.resolve(null, Map.of())).isEqualTo(Locale.ENGLISH);
  }
}
