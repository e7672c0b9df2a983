package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;
import vn.hatang.core.render.TextWidth;
import vn.hatang.core.unit.UnitRegistry;
import vn.hatang.core.unit.UnitsLoader;

class UnitsCommandTest {
  @TempDir Path dir;

  static final String GSO_HEADER =
      "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n";

  @Test
  void validatePrintsValidFilesAndEveryProblemWithItsPlace() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        "units:\n  - {code: \"52\", name: \"Tỉnh\", level: province}\n"
            + "  - {code: \"540\", name: \"Quy Nhơn\", level: district, parentCode: \"99\"}\n");
    String sample = Fixtures.standardsDir().resolve("units/52.yaml").toString();
    Cli r = Cli.run("units", "validate", sample, bad.toString());
    assertThat(r.exit()).isEqualTo(3);
    // 226 versions but 167 codes: every one of the 58 new communes reuses an old code.
    assertThat(r.out())
        .contains(
            sample
                + ": valid (226 unit version(s), 167 code(s); levels: province, district, ward,"
                + " commune, township)")
        .contains(bad + ":3:5: parent 99 of 540 is not in the file");
    Cli ok = Cli.run("units", "validate", "bundled:units/52.yaml");
    assertThat(ok.exit()).isZero();
    Cli vi = Cli.run("units", "validate", bad.toString(), "--lang", "vi");
    assertThat(vi.out()).contains(bad + ":3:5: đơn vị cấp trên 99 của 540 không có trong tệp");
  }

  @Test
  void showPrintsTheTreeValidOnTheDayAligned() {
    Cli r = Cli.run("units", "show", "--on", "2025-06-30");
    assertThat(r.exit()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("bundled:units/52.yaml: 167 unit(s) valid on 2025-06-30");
    assertThat(lines.get(2)).startsWith("CODE").contains("SUCCESSORS");
    assertThat(lines.get(3)).startsWith("52 ").contains("Tỉnh Bình Định").endsWith("52");
    assertThat(lines.get(4)).startsWith("  540 ").contains("Thành phố Quy Nhơn");
    String thiNai =
        lines.stream().filter(l -> l.contains("Phường Thị Nại")).findFirst().orElseThrow();
    assertThat(thiNai).startsWith("    21583 ").endsWith("21583");
    // Columns line up by display width, whatever the Vietnamese letters.
    int nameCol = TextWidth.of(lines.get(2).substring(0, lines.get(2).indexOf("LEVEL")));
    for (String l : lines.subList(3, lines.size())) {
      int level = l.indexOf(" ward ") >= 0 ? l.indexOf(" ward ") : l.indexOf(" commune ");
      if (level > 0) {
        assertThat(TextWidth.of(l.substring(0, level + 1))).as(l).isEqualTo(nameCol);
      }
    }
  }

  @Test
  void showAfterTheReformFiltersByLevelInEveryFormat() throws Exception {
    Cli table = Cli.run("units", "show", "--on", "2025-07-01", "--level", "ward");
    assertThat(table.exit()).isZero();
    assertThat(table.out())
        .contains("17 unit(s) valid on 2025-07-01")
        .contains("21583  Phường Quy Nhơn");
    assertThat(table.out()).doesNotContain("Xã Nhơn Châu");
    Cli json = Cli.run("units", "show", "--on", "2025-07-01", "-f", "json");
    assertThat(json.exit()).isZero();
    assertThat(json.out()).contains("\"name\" : \"Tỉnh Gia Lai\"").doesNotContain("Tỉnh Bình Định");
    Cli csv = Cli.run("units", "show", "--on", "2025-07-01", "-f", "csv");
    Path f = dir.resolve("after.csv");
    Files.writeString(f, csv.out());
    UnitRegistry back = UnitsLoader.load(f, "after.csv");
    assertThat(back.all()).hasSize(59);
    Cli unknown =
        Cli.run("units", "show", "--level", "district", "--on", "2025-07-01", "--lang", "vi");
    assertThat(unknown.exit()).isZero();
    Cli bad = Cli.run("units", "show", "--level", "huyen");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--level huyen: no unit has this level");
  }

  @Test
  void showOfAnInvalidFileExitsThree() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "code,name,level\n1,\"A,province\n");
    Cli r = Cli.run("units", "show", bad.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains(bad + ":2:3: quoted field not closed");
  }

  @Test
  void importGsoWritesALoadableFileAtomically() throws Exception {
    Path csv = dir.resolve("danh-muc.csv");
    Files.writeString(
        csv,
        GSO_HEADER
            + "Tỉnh Bình Định,52,Thành phố Quy Nhơn,540,Phường Thị Nại,21583,Phường,\n"
            + "Tỉnh Bình Định,52,Huyện An Lão,542,Thị trấn An Lão,21609,Thị trấn,\n"
            + "Tỉnh Phú Yên,54,Thành phố Tuy Hoà,555,Phường 1,22015,Phường,\n");
    Path out = dir.resolve("out/units.yaml");
    Cli r =
        Cli.run(
            "units",
            "import-gso",
            csv.toString(),
            "--valid-from",
            "2025-01-04",
            "--province",
            "52",
            "-o",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("wrote 5 unit(s) (1 province, 2 district, 1 ward, 1 township) to " + out);
    UnitRegistry units = UnitsLoader.load(out, "units.yaml");
    assertThat(units.codes()).containsExactly("52", "540", "542", "21583", "21609");
    assertThat(Files.readString(out))
        .startsWith("# Imported by hatang units import-gso from danh-muc.csv");
    try (var files = Files.list(out.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("units.yaml");
    }
    Cli stdout =
        Cli.run("units", "import-gso", csv.toString(), "--valid-from", "2025-01-04", "-o", "-");
    assertThat(stdout.out()).contains("name: \"Phường 1\"").contains("level: township");
  }

  @Test
  void importGsoReportsBadRowsAndKeepsTheOldFile() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(
        csv, GSO_HEADER + "Tỉnh Bình Định,52,Thành phố Quy Nhơn,540,Khu X,21583,Khu,\n");
    Path out = dir.resolve("units.yaml");
    Files.writeString(out, "old");
    Cli r =
        Cli.run(
            "units",
            "import-gso",
            csv.toString(),
            "--valid-from",
            "2025-01-04",
            "-o",
            out.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains(csv + ":2:54: unknown commune-level type 'Khu'");
    assertThat(Files.readString(out)).isEqualTo("old");
    Cli missing = Cli.run("units", "import-gso", csv.toString(), "-o", out.toString());
    assertThat(missing.exit()).isEqualTo(2);
  }

  @Test
  void unitsWithoutSubcommandPrintsUsage() {
    Cli r = Cli.runWithInput("", Map.of(), "units");
    assertThat(r.out()).contains("validate").contains("show").contains("import-gso");
  }
}
