package vn.hatang.core.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.hatang.core.Fixtures;

/** The bundled sample {@code standards/units/52.yaml} loads, from the folder and the class path. */
class UnitsSampleTest {
  static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
  static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

  @Test
  void theFileInTheRepositoryValidates() {
    String file = Fixtures.standardsDir().resolve("units/52.yaml").toString();
    assertThat(UnitsLoader.validate(file)).isEmpty();
  }

  @Test
  void countsBeforeAndAfterTheReorganisation() throws Exception {
    UnitRegistry r = UnitsLoader.load(UnitsLoader.BUNDLED_SAMPLE);
    assertThat(r.all()).hasSize(226);
    assertThat(r.validOn(BEFORE)).hasSize(1 + 11 + 155);
    assertThat(r.validOn(AFTER)).hasSize(1 + 58);
    assertThat(r.validOn(BEFORE).stream().filter(u -> u.level().equals("district"))).hasSize(11);
    assertThat(r.validOn(AFTER).stream().filter(u -> u.level().equals("district"))).isEmpty();
    assertThat(r.children("52", AFTER)).hasSize(58);
    assertThat(r.children("52", BEFORE)).hasSize(11);
    assertThat(r.children("540", BEFORE)).hasSize(17);
    assertThat(r.children("540", AFTER)).isEmpty();
    assertThat(r.levels()).containsExactly("province", "district", "ward", "commune", "township");
    assertThat(r.codes()).contains("52", "540", "21583").first().isEqualTo("52");
  }

  @Test
  void oneCodeTwoUnitsResolvedByDay() throws Exception {
    UnitRegistry r = UnitsLoader.load(UnitsLoader.BUNDLED_SAMPLE);
    assertThat(r.resolve("52", BEFORE).orElseThrow().name()).isEqualTo("Tỉnh Bình Định");
    assertThat(r.resolve("52", AFTER).orElseThrow().name()).isEqualTo("Tỉnh Gia Lai");
    assertThat(r.resolve("21583", BEFORE).orElseThrow().name()).isEqualTo("Phường Thị Nại");
    assertThat(r.resolve("21583", AFTER).orElseThrow().name()).isEqualTo("Phường Quy Nhơn");
    assertThat(r.resolve("540", AFTER)).isEmpty();
    assertThat(r.ancestors("21583", BEFORE))
        .extracting(AdminUnit::name)
        .containsExactly("Thành phố Quy Nhơn", "Tỉnh Bình Định");
    assertThat(r.ancestors("21583", AFTER))
        .extracting(AdminUnit::name)
        .containsExactly("Tỉnh Gia Lai");
  }

  @Test
  void anOldCommuneLeadsToItsNewOne() throws Exception {
    UnitRegistry r = UnitsLoader.load(UnitsLoader.BUNDLED_SAMPLE);
    // Phường Hải Cảng (21562) joined Phường Quy Nhơn (21583) on 01/7/2025.
    assertThat(r.successorsOn("21562", LocalDate.of(2024, 1, 1), LocalDate.of(2026, 11, 1)))
        .extracting(AdminUnit::code, AdminUnit::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("21583", "Phường Quy Nhơn"));
    // Xã An Nghĩa was split between two new communes.
    assertThat(r.successorsOn("21634", BEFORE, AFTER))
        .extracting(AdminUnit::name)
        .containsExactly("Xã An Toàn", "Xã An Hòa");
    // Xã Nhơn Châu kept its name and code: a new version of the same code.
    assertThat(r.successorsOn("21607", BEFORE, AFTER))
        .extracting(AdminUnit::validFrom)
        .containsExactly(AFTER);
    assertThat(r.successorsOn("52", BEFORE, AFTER))
        .extracting(AdminUnit::name)
        .containsExactly("Tỉnh Gia Lai");
  }

  @Test
  void headsAndCountsAreOnlyTheMarkedExamples() throws Exception {
    UnitRegistry r = UnitsLoader.load(UnitsLoader.BUNDLED_SAMPLE);
    AdminUnit qn = r.resolve("21583", AFTER).orElseThrow();
    assertThat(qn.head().name()).contains("giả định");
    assertThat(qn.expectedMachines()).isEqualTo(40);
    assertThat(r.all().stream().filter(u -> u.head() != null)).hasSize(2);
  }
}
