package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page in a real browser: Debian's headless Chromium (installed by {@code .ci/run})
 * loads the file offline, logs no console message (a blocked fetch or a script error would be one),
 * draws a page that is not blank with the chart's bars, and its DOM holds the key figures. Skipped,
 * with a message, only where no Chromium is installed.
 */
class HtmlInChromiumTest {
  private static final String EVIL = "<img src=x onerror=alert(1)>";
  private static Path chromium;

  @TempDir Path dir;

  @BeforeAll
  static void findChromium() {
    for (String c :
        List.of(
            String.valueOf(System.getenv("HATANG_CHROMIUM")),
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(c))) {
        chromium = Path.of(c);
        return;
      }
    }
    System.err.println(
        "HtmlInChromiumTest SKIPPED: no Chromium (apt-get install chromium; .ci/run does)");
  }

  private Path page() throws Exception {
    Path in = TestSnapshots.withHostile(dir, EVIL, null);
    Path html = dir.resolve("report.html");
    Cli r =
        Cli.run(
            "--lang",
            "vi",
            "report",
            "--period",
            "2026-11",
            in.toString(),
            "-f",
            "html",
            "-o",
            html.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    return html;
  }

  /** Runs headless Chromium on the file with extra arguments; its stdout and stderr. */
  private String[] chromium(Path html, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(chromium.toString());
    cmd.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    cmd.addAll(List.of(extra));
    cmd.add(html.toUri().toString());
    Path out = dir.resolve("chromium.out");
    Path err = dir.resolve("chromium.err");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    return new String[] {
      Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8)
    };
  }

  private static boolean near(int r, int g, int b, int rgb) {
    return Math.abs(r - (rgb >> 16)) < 12
        && Math.abs(g - ((rgb >> 8) & 0xFF)) < 12
        && Math.abs(b - (rgb & 0xFF)) < 12;
  }

  @Test
  void theReportPageRendersOfflineWithoutConsoleMessagesAndShowsItsFigures() throws Exception {
    Assumptions.assumeTrue(chromium != null, "no Chromium installed: skipped");
    Path html = page();

    Path png = dir.resolve("page.png");
    String[] shot = chromium(html, "--window-size=1200,1400", "--screenshot=" + png);
    assertThat(shot[1].lines().filter(l -> l.contains(":CONSOLE")).toList())
        .as("console messages of the page")
        .isEmpty();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1200);
    long inked = 0;
    boolean bar = false;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        int r = rgb >> 16;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (r < 200 || g < 200 || b < 200) {
          inked++;
        }
        // Bars are drawn in #2f81f7 (or #cf222e for a unit under 50 %).
        if (near(r, g, b, 0x2f81f7) || near(r, g, b, 0xcf222e)) {
          bar = true;
        }
      }
    }
    assertThat(inked)
        .as("pixels not white")
        .isGreaterThan(image.getWidth() * image.getHeight() / 50);
    assertThat(bar).as("a bar of a chart").isTrue();

    // The control: a page that fetches something is blocked and logged, so an empty log above
    // means no message, not a Chromium that logs none.
    Path control = dir.resolve("control.html");
    Files.writeString(
        control,
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\""
            + " content=\"default-src 'none'\"></head><body>"
            + "<img src=\"http://x.invalid/a.png\"></body></html>");
    assertThat(chromium(control, "--screenshot=" + dir.resolve("control.png"))[1])
        .contains(":CONSOLE");

    String dom = chromium(html, "--dump-dom")[0];
    assertThat(dom).contains("<h1>Báo cáo kỳ 2026-11 (từ 01/11/2026 đến 30/11/2026)</h1>");
    assertThat(dom).contains("Phường Quy Nhơn").contains("66,7 %").contains("Tổng cộng");
    // The hostile hostname is text in the DOM, not an element.
    assertThat(dom).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
  }
}
