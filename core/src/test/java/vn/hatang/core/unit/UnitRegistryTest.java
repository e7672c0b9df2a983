package vn.hatang.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hatang.core.standard.Problem;

class UnitRegistryTest {
  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  static AdminUnit unit(String code, String parent, String from, String to, String... succ) {
    return new AdminUnit(
        code,
        "Đơn vị " + code,
        parent == null ? "province" : "commune",
        parent,
        from == null ? null : d(from),
        to == null ? null : d(to),
        List.of(succ),
        null,
        null,
        null);
  }

  static List<Problem> problems(AdminUnit... units) {
    try {
      UnitRegistry.of("units.yaml", List.of(units));
      return List.of();
    } catch (UnitsException e) {
      return e.problems();
    }
  }

  @Test
  void validToIsInclusiveAndValidFromStartsTheDay() throws Exception {
    UnitRegistry r =
        UnitRegistry.of(
            "t",
            List.of(unit("A", null, null, "2025-06-30", "A"), unit("A", null, "2025-07-01", null)));
    assertThat(r.resolve("A", d("2025-06-30")).orElseThrow().validTo()).isEqualTo(d("2025-06-30"));
    assertThat(r.resolve("A", d("2025-07-01")).orElseThrow().validFrom())
        .isEqualTo(d("2025-07-01"));
    assertThat(r.resolve("A", LocalDate.MIN)).isPresent();
    assertThat(r.versions("A")).hasSize(2);
    assertThat(r.resolve("B", d("2025-07-01"))).isEmpty();
  }

  @Test
  void overlappingVersionsAreRefused() {
    List<Problem> p =
        problems(unit("A", null, "2020-01-01", "2025-07-01"), unit("A", null, "2025-07-01", null));
    assertThat(p).extracting(Problem::key).containsExactly("units.error.overlap");
    assertThat(p.get(0).args()).containsExactly("A", "2025-07-01..…", "2020-01-01..2025-07-01", 0);
    // The same start twice is the same identity: also an overlap.
    assertThat(problems(unit("A", null, null, null), unit("A", null, null, null)))
        .extracting(Problem::key)
        .containsExactly("units.error.overlap");
  }

  @Test
  void aMissingParentIsReported() {
    assertThat(problems(unit("X", "P", null, null)))
        .extracting(Problem::key, Problem::args)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("units.error.parentMissing", List.of("P", "X")));
  }

  @Test
  void aParentNotValidOverTheWholeChildPeriodNamesTheDays() {
    List<Problem> p =
        problems(
            unit("P", null, "2020-01-01", "2024-12-31", "Q"),
            unit("Q", null, "2025-01-01", null),
            unit("P", null, "2025-03-01", null),
            unit("X", "P", "2019-06-01", "2025-12-31"));
    assertThat(p).extracting(Problem::key).containsOnly("units.error.parentNotValid");
    assertThat(p)
        .extracting(Problem::args)
        .containsExactly(
            List.of("P", "2019-06-01", "2019-12-31", "X"),
            List.of("P", "2025-01-01", "2025-02-28", "X"));
    // Two versions of the parent code that together cover the child are fine.
    assertThat(
            problems(
                unit("P", null, null, "2025-06-30", "P"),
                unit("P", null, "2025-07-01", null),
                unit("X", "P", null, null)))
        .isEmpty();
  }

  @Test
  void parentCyclesAreFound() {
    List<Problem> p =
        problems(
            unit("R", null, null, null),
            new AdminUnit(
                "A", "A", "commune", "B", d("2025-07-01"), null, List.of(), null, null, null),
            new AdminUnit(
                "B", "B", "commune", "A", d("2025-07-01"), null, List.of(), null, null, null));
    assertThat(p).extracting(Problem::key).containsExactly("units.error.parentCycle");
    assertThat(p.get(0).args().get(0).toString()).contains("A → B → A");
    assertThat(p.get(0).args().get(1)).isEqualTo("2025-07-01");
    assertThat(
            problems(
                new AdminUnit("S", "S", "office", "S", null, null, List.of(), null, null, null)))
        .extracting(Problem::key)
        .containsExactly("units.error.parentCycle");
  }

  @Test
  void successorsMustExistAndBeValidTheNextDay() {
    assertThat(problems(unit("A", null, null, "2025-06-30", "B")))
        .extracting(Problem::key)
        .containsExactly("units.error.successorMissing");
    assertThat(
            problems(unit("A", null, null, "2025-06-30", "B"), unit("B", null, "2025-08-01", null)))
        .extracting(Problem::key, Problem::args)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "units.error.successorNotValid", List.of("B", d("2025-07-01"), "A")));
    assertThat(problems(unit("A", null, null, null, "B"), unit("B", null, null, null)))
        .extracting(Problem::key)
        .contains("units.error.successorsOpen");
  }

  @Test
  void aCodeCycleWithoutVersionsIsRefusedAndOneWithVersionsIsHistory() throws Exception {
    // A -> B -> A: without a version of A from 2025-07-01 it is a broken link, not a loop.
    assertThat(
            problems(
                unit("A", null, null, "2024-12-31", "B"),
                unit("B", null, "2025-01-01", "2025-06-30", "A")))
        .extracting(Problem::key)
        .containsExactly("units.error.successorNotValid");
    // With one, A was merged into B and split out again: following it ends, on the new A.
    UnitRegistry r =
        UnitRegistry.of(
            "t",
            List.of(
                unit("A", null, null, "2024-12-31", "B"),
                unit("B", null, "2025-01-01", "2025-06-30", "A", "C"),
                unit("C", null, "2025-07-01", "2025-12-31", "B"),
                unit("A", null, "2025-07-01", null),
                unit("B", null, "2026-01-01", null)));
    assertThat(r.successorsOn("A", d("2024-01-01"), d("2026-06-01")))
        .extracting(AdminUnit::identity)
        .containsExactly("A@2025-07-01", "B@2026-01-01");
    assertThat(r.successorsOn("A", d("2024-01-01"), d("2025-03-01")))
        .extracting(AdminUnit::identity)
        .containsExactly("B@2025-01-01");
    assertThat(r.successorsOn("A", d("2024-01-01"), d("2024-06-01")))
        .extracting(AdminUnit::identity)
        .containsExactly("A@…");
    assertThat(r.successorsOn("A", d("2026-01-01"), d("2025-01-01"))).isEmpty();
    assertThat(r.successorsOn("Z", d("2026-01-01"), d("2026-01-01"))).isEmpty();
  }

  @Test
  void aUnitThatEndsWithoutSuccessorsLeadsNowhere() throws Exception {
    UnitRegistry r = UnitRegistry.of("t", List.of(unit("A", null, null, "2025-06-30")));
    assertThat(r.successorsOn("A", d("2025-01-01"), d("2025-07-01"))).isEmpty();
  }

  @Test
  void badValuesAreRefusedByTheRecord() {
    assertThatThrownBy(() -> unit("a b", null, null, null))
        .hasMessageContaining("units.error.badCode");
    assertThatThrownBy(() -> unit("A", null, "2025-07-01", "2025-06-30"))
        .hasMessageContaining("units.error.badPeriod");
    assertThatThrownBy(
            () -> new AdminUnit("A", "A", "Commune", null, null, null, List.of(), null, null, null))
        .hasMessageContaining("units.error.badLevel");
    assertThatThrownBy(() -> new AdminUnit.Head("N", null, "not-mail"))
        .hasMessageContaining("units.error.badEmail");
  }

  @Test
  void codesSortByNumberThenText() {
    assertThat(
            List.of("21583", "office-1", "540", "52", "00070").stream()
                .sorted(UnitRegistry.CODE_ORDER))
        .containsExactly("52", "00070", "540", "21583", "office-1");
  }
}
