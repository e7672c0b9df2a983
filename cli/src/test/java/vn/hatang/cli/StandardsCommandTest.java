package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;

class StandardsCommandTest {
  @TempDir Path dir;

  /** A copy of the bundled standards folder with a 2026.1 version that changes two things. */
  Path standardsWithNewVersion() throws Exception {
    Path src = Fixtures.standardsDir();
    Files.createDirectories(dir.resolve("vn-basic-it"));
    Files.createDirectories(dir.resolve("reference"));
    try (var files = Files.list(src.resolve("reference"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve("reference").resolve(f.getFileName()));
      }
    }
    String text = Files.readString(src.resolve("vn-basic-it/2025.1.yaml"));
    String next =
        text.replace("version: \"2025.1\"", "version: \"2026.1\"")
            .replace("supersedes: null", "supersedes: \"2025.1\"")
            .replace("value: 8            # ASSUMPTION (research §4 commune: 8 GB)", "value: 16")
            .replaceAll("(?s)  - id: display\\.present.*?\n\n", "");
    Files.writeString(dir.resolve("vn-basic-it/2026.1.yaml"), next);
    return dir;
  }

  @Test
  void listShowsBundledAndFolderStandards() throws Exception {
    Cli r = Cli.run("standards", "list", "--standards-dir", standardsWithNewVersion().toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("2025.1")
        .contains("2026.1")
        .contains("bundled:vn-basic-it/2025.1.yaml");
  }

  @Test
  void showPrintsHeaderAndChecks() {
    Cli r = Cli.run("standards", "show", "vn-basic-it@2025.1");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("vn-basic-it 2025.1")
        .contains("ram.min")
        .contains(">= 8 GiB")
        .contains("sha256 ");
  }

  @Test
  void validateReportsEveryProblemWithItsPlace() throws Exception {
    Path bad = dir.resolve("bad/1.yaml");
    Files.createDirectories(bad.getParent());
    Files.writeString(
        bad,
        "id: bad\nversion: \"1\"\ntitle: {vi: a, en: a}\nissuer: x\neffectiveFrom: 2025-01-01\nfreshnessDays: 30\n"
            + "checks:\n  - id: a\n    title: {vi: a, en: a}\n    metric: cpu.cores\n    op: \">=\"\n    value: 2\n");
    Cli r =
        Cli.run(
            "standards",
            "validate",
            bad.toString(),
            Fixtures.standardsDir().resolve("vn-basic-it/2025.1.yaml").toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out())
        .contains(bad + ":10:13: unknown metric 'cpu.cores'")
        .contains("2025.1.yaml: valid");
  }

  @Test
  void diffShowsWhatChanged() throws Exception {
    Path d = standardsWithNewVersion();
    Cli r =
        Cli.run(
            "standards",
            "diff",
            "vn-basic-it@2025.1",
            "vn-basic-it@2026.1",
            "--standards-dir",
            d.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("~ version: 2025.1 → 2026.1")
        .contains("~ supersedes: null → 2025.1")
        .contains("~ check ram.min requirement: >= 8 GiB → >= 16 GiB")
        .contains("- check display.present: peripherals.displays.count >= 1")
        .contains("4 change(s)");
  }

  @Test
  void showListsUnitChecksAndTheScore() {
    Cli r = Cli.run("standards", "show", "vn-basic-it@2027.1");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("unit.printers")
        .contains("unit.equipment.count[printer]")
        .contains(">= 1 per 5 staff")
        .contains("unit.line.downloadMbps[dedicated]")
        .contains("Score: PAR index: basic IT infrastructure (assumed) (up to 10 points)")
        .contains(
            "  dedicated: Dedicated line meets the standard — 2 (threshold, unit.line.dedicated.download)");
  }
}
