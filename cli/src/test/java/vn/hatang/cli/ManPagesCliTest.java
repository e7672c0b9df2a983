package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.i18n.Lang;
import vn.hatang.core.man.ManPages;

/** hatang's own manual pages, in both languages, as the build writes them. */
class ManPagesCliTest {
  @TempDir Path dir;

  @Test
  void everyCommandHasAPageInEnglishAndVietnamese() throws Exception {
    Locale before = Locale.getDefault();
    try {
      ManPages.write(
          HatangMain.commandLine(Locale.ENGLISH), dir.resolve("en"), "hatang 0", "hatang");
      ManPages.write(
          HatangMain.commandLine(Lang.VI), dir.resolve("vi"), "hatang 0", "hatang", Lang.VI);
    } finally {
      Locale.setDefault(before);
    }
    String report = Files.readString(dir.resolve("en/hatang-report.1"));
    assertThat(report).contains(".TH \"HATANG\\-REPORT\" 1").contains("\\fB\\-\\-period\\fR");
    assertThat(report).contains("xlsx, html, md").contains(".SH \"EXIT STATUS\"");
    assertThat(Files.readString(dir.resolve("vi/hatang-report.1")))
        .contains("Báo cáo theo kỳ")
        .contains(".SH \"TÙY CHỌN\"")
        .doesNotContain(".SH \"OPTIONS\"");
    assertThat(Files.readString(dir.resolve("vi/hatang-report.1")))
        .contains("Xem \\fBhatang\\-report\\-show\\fR(1).");
    assertThat(dir.resolve("en/hatang-report-show.1")).exists();
    assertThat(dir.resolve("en/hatang-completion.1")).exists();
    assertThat(dir.resolve("en/hatang-help.1")).doesNotExist();
  }
}
