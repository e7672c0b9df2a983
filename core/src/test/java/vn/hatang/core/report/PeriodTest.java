package vn.hatang.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodTest {
  @Test
  void monthsQuartersAndYears() {
    Period m = Period.parse("2026-11").orElseThrow();
    assertThat(m.kind()).isEqualTo(Period.Kind.MONTH);
    assertThat(m.start()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(m.end()).isEqualTo(LocalDate.of(2026, 11, 30));
    Period feb = Period.parse("2028-02").orElseThrow();
    assertThat(feb.end()).isEqualTo(LocalDate.of(2028, 2, 29));
    Period q = Period.parse("2026-q4").orElseThrow();
    assertThat(q.label()).isEqualTo("2026-Q4");
    assertThat(q.start()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(q.end()).isEqualTo(LocalDate.of(2026, 12, 31));
    Period y = Period.parse("2026").orElseThrow();
    assertThat(y.start()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(y.end()).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void previousPeriods() {
    assertThat(Period.parse("2026-01").orElseThrow().previous().label()).isEqualTo("2025-12");
    assertThat(Period.parse("2026-Q1").orElseThrow().previous().label()).isEqualTo("2025-Q4");
    assertThat(Period.parse("2026-Q3").orElseThrow().previous().label()).isEqualTo("2026-Q2");
    assertThat(Period.parse("2026").orElseThrow().previous().label()).isEqualTo("2025");
  }

  @Test
  void notPeriods() {
    for (String s : List.of("2026-13", "2026-Q5", "26", "2026-1", "november", "", "2026-11-01")) {
      assertThat(Period.parse(s)).as(s).isEmpty();
    }
    assertThat(Period.parse(null)).isEmpty();
  }

  @Test
  void machineStatusAtThePeriodsEnd() {
    Period nov = Period.parse("2026-11").orElseThrow();
    // Within the freshness of the end: reporting, even when taken the month before.
    assertThat(MachineStatus.of(LocalDate.of(2026, 11, 30), nov, 35))
        .isEqualTo(MachineStatus.REPORTING);
    assertThat(MachineStatus.of(LocalDate.of(2026, 10, 26), nov, 35))
        .isEqualTo(MachineStatus.REPORTING);
    // One day older and outside the period: silent in it.
    assertThat(MachineStatus.of(LocalDate.of(2026, 10, 25), nov, 35))
        .isEqualTo(MachineStatus.MISSING);
    // A year: taken in it but long before its end, judged and stale.
    Period year = Period.parse("2026").orElseThrow();
    assertThat(MachineStatus.of(LocalDate.of(2026, 3, 1), year, 35)).isEqualTo(MachineStatus.STALE);
    assertThat(MachineStatus.of(LocalDate.of(2025, 12, 31), year, 35))
        .isEqualTo(MachineStatus.MISSING);
  }
}
