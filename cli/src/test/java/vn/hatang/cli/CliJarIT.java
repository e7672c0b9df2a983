package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;

/** Smoke test of the packaged jar in a child JVM: exit code, UTF-8 Vietnamese on stdout. */
class CliJarIT {
  @TempDir Path dir;

  @Test
  void jarJudgesSnapshotsInVietnamese() throws Exception {
    Path jar = Path.of("target/hatang.jar").toAbsolutePath();
    assertThat(jar).exists();
    Files.write(dir.resolve("old-pc.json"), Fixtures.bytes("old-pc.json"));
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    jar.toString(),
                    "check",
                    dir.toString(),
                    "--date",
                    "2026-11-25",
                    "--lang",
                    "vi"))
            .redirectErrorStream(false)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isEqualTo(1);
    assertThat(out).contains("Xã Nhơn Châu").contains("KHÔNG ĐẠT").contains("thiếu 6 GiB");
  }

  @Test
  void jarShowsTheBundledUnitsSample() throws Exception {
    Path jar = Path.of("target/hatang.jar").toAbsolutePath();
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    jar.toString(),
                    "units",
                    "show",
                    "--on",
                    "2025-07-01",
                    "--level",
                    "province"))
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(out)
        .contains("bundled:units/52.yaml: 1 unit(s) valid on 2025-07-01")
        .contains("Tỉnh Gia Lai");
  }
}
