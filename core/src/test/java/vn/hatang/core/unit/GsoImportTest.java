package vn.hatang.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.standard.Problem;

class GsoImportTest {
  static final LocalDate FROM = LocalDate.of(2025, 1, 4);
  @TempDir Path dir;

  static Path fixture(String name) throws Exception {
    return Path.of(GsoImportTest.class.getResource("/units/" + name).toURI());
  }

  @Test
  void readsTheThreeLevelListWithItsRealHeader() throws Exception {
    List<AdminUnit> units =
        GsoImport.read(fixture("gso-2025-01-04-excerpt.csv"), "x.csv", FROM, null);
    assertThat(units)
        .extracting(AdminUnit::code, AdminUnit::level, AdminUnit::parentCode)
        .contains(
            tuple("51", "province", null),
            tuple("52", "province", null),
            tuple("536", "district", "51"),
            tuple("540", "district", "52"),
            tuple("21583", "ward", "540"),
            tuple("21607", "commune", "540"),
            tuple("21609", "township", "542"));
    assertThat(units).hasSize(3 + 7 + 10);
    assertThat(units).allSatisfy(u -> assertThat(u.validFrom()).isEqualTo(FROM));
    AdminUnit qn = units.stream().filter(u -> u.code().equals("540")).findFirst().orElseThrow();
    assertThat(qn.name()).isEqualTo("Thành phố Quy Nhơn");
  }

  @Test
  void oneProvinceOnly() throws Exception {
    List<AdminUnit> units =
        GsoImport.read(fixture("gso-2025-01-04-excerpt.csv"), "x.csv", FROM, "052");
    assertThat(units).extracting(AdminUnit::code).startsWith("52", "540").hasSize(1 + 4 + 8);
    UnitRegistry r = UnitRegistry.of("x", units);
    assertThat(r.children("540", FROM)).hasSize(4);
  }

  @Test
  void readsTheTwoLevelList() throws Exception {
    List<AdminUnit> units =
        GsoImport.read(fixture("gso-2025-two-level.csv"), "y.csv", LocalDate.of(2025, 7, 1), null);
    assertThat(units)
        .extracting(AdminUnit::code, AdminUnit::level, AdminUnit::parentCode)
        .containsExactly(
            tuple("51", "province", null),
            tuple("52", "province", null),
            tuple("21548", "special_zone", "51"),
            tuple("21583", "ward", "52"),
            tuple("21607", "commune", "52"),
            tuple("23575", "ward", "52"));
  }

  @Test
  void problemsNameTheCell() throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(
        f,
        "Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\n"
            + "Tỉnh Gia Lai,52,Phường Quy Nhơn,21583,Phường\n"
            + "Tỉnh Gia Lai Mới,52,Xã Nhơn Châu,21607,Xã\n"
            + "Tỉnh Gia Lai,52,Khu X,21608,Khu\n"
            + "Tỉnh Gia Lai,52,Xã Y,,Xã\n"
            + "Tỉnh Gia Lai,52,Xã Z,21583,Xã\n");
    assertThatThrownBy(() -> GsoImport.read(f, "bad.csv", FROM, null))
        .isInstanceOf(UnitsException.class)
        .satisfies(
            e ->
                assertThat(((UnitsException) e).problems())
                    .extracting(Problem::place, Problem::key)
                    .containsExactly(
                        tuple("bad.csv:3:1", "units.error.gsoNameConflict"),
                        tuple("bad.csv:4:29", "units.error.gsoLevel"),
                        tuple("bad.csv:5:22", "units.error.missingValue"),
                        tuple("bad.csv:6:17", "units.error.gsoNameConflict")));
    // The same row twice names the same unit: read once.
    Path dup = dir.resolve("dup.csv");
    Files.writeString(
        dup,
        "Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX\n"
            + "Tỉnh Gia Lai,52,Phường Quy Nhơn,21583\n"
            + "Tỉnh Gia Lai,52,Phường Quy Nhơn,21583\n");
    assertThat(GsoImport.read(dup, "dup.csv", FROM, null)).hasSize(2);
    Path header = dir.resolve("h.csv");
    Files.writeString(header, "Mã TP,Tên\n52,Gia Lai\n");
    assertThatThrownBy(() -> GsoImport.read(header, "h.csv", FROM, null))
        .satisfies(
            e ->
                assertThat(((UnitsException) e).problems())
                    .extracting(Problem::key, p -> p.args().get(0))
                    .containsExactly(
                        tuple("units.error.gsoMissingColumn", "Tỉnh Thành Phố"),
                        tuple("units.error.gsoMissingColumn", "Mã PX"),
                        tuple("units.error.gsoMissingColumn", "Phường Xã")));
  }

  @Test
  void headersMatchWithOrWithoutSpacesAndSlashes() {
    assertThat(GsoImport.normalise("Tỉnh / Thành Phố"))
        .isEqualTo(GsoImport.normalise("Tỉnh Thành Phố"));
    assertThat(GsoImport.normalise("\uFEFFMã TP")).isEqualTo("mãtp");
  }
}
