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

  @Test
  void runningOutOfMemoryExitsFourWithAHint() throws Exception {
    Path jar = Path.of("target/hatang.jar").toAbsolutePath();
    String template = new String(Fixtures.bytes("old-pc.json"), StandardCharsets.UTF_8);
    for (int i = 0; i < 4000; i++) {
      String id = new java.util.UUID(0x0a1b2c3d4e5f4a6bL, 0x8c7d000000000000L | i).toString();
      Files.writeString(
          dir.resolve("pc-" + i + ".json"),
          template.replace("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", id));
    }
    // 16 MiB of heap runs a check of one such file, but cannot hold 4,000 results (each keeps its
    // findings, a few kB, for the sorted output); the heap fills after start-up, in the judging
    // or the rendering, not in class initialisation. Parallel GC: its overhead limit turns a heap
    // that is just too small into an OutOfMemoryError at once, where G1 can collect for minutes.
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx16m",
                    "-XX:+UseParallelGC",
                    "-jar",
                    jar.toString(),
                    "check",
                    dir.toString(),
                    "--date",
                    "2026-11-25",
                    "-f",
                    "json"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    // Not 1 ("deficiencies found"): 4, internal error, with a hint instead of a stack trace.
    assertThat(p.exitValue()).as(err).isEqualTo(4);
    // A worker of the parallel batches may report its own OutOfMemoryError first (the JVM's
    // handler of that thread); main's one line follows, with no stack trace.
    assertThat(err)
        .contains("error: out of memory (Java heap of ")
        .contains("JAVA_OPTS=-Xmx")
        .doesNotContain("at java.base");
  }
}
