package vn.hatang.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hatang.core.Fixtures;
import vn.hatang.core.check.Evaluator;
import vn.hatang.core.check.Finding;
import vn.hatang.core.report.EquipmentCounter;
import vn.hatang.core.report.Period;
import vn.hatang.core.report.PeriodReport;
import vn.hatang.core.report.ReportBuilder;
import vn.hatang.core.report.UnitDirectory;
import vn.hatang.core.snapshot.Machine;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.Standard;

class PlanProgressTest {
  private static final Standard STD = Fixtures.defaultStandard();

  private static Snapshot as(String fixture, String machineId, String day) {
    Snapshot s = Fixtures.snapshot(fixture);
    Machine m = s.machine();
    return new Snapshot(
        s.schemaVersion(),
        java.util.UUID.nameUUIDFromBytes((machineId + day).getBytes()),
        java.time.OffsetDateTime.parse(day + "T09:00:00+07:00"),
        s.agent(),
        s.unit(),
        new Machine(
            m.hostname() + "-" + machineId, machineId, m.machineIdSource(), m.role(), m.tags()),
        s.computerSystem(),
        s.os(),
        s.cpu(),
        s.memory(),
        s.storage(),
        s.peripherals(),
        s.antivirus(),
        s.lines(),
        s.diagnostics());
  }

  private static PeriodReport report(String period, List<Snapshot> snapshots) {
    ReportBuilder b =
        new ReportBuilder(
            Period.parse(period).orElseThrow(),
            new ReportBuilder.Judge() {
              @Override
              public Standard standardFor(LocalDate day) {
                return STD;
              }

              @Override
              public List<Finding> findings(Snapshot s, Standard std, LocalDate date) {
                return Evaluator.evaluate("t", s, std, date).findings();
              }
            },
            UnitDirectory.NONE,
            ReportBuilder.Attested.NONE,
            new EquipmentCounter(Map.of()));
    snapshots.forEach(b::accept);
    return b.build();
  }

  @Test
  void oneOfTwoPcsReplacedAndADeadlinePassed() {
    PeriodReport oct =
        report(
            "2026-10",
            List.of(as(Fixtures.OLD, "pc1", "2026-10-05"), as(Fixtures.OLD, "pc2", "2026-10-05")));
    Plan adopted = PlanBuilder.build(oct, STD, LocalDate.of(2026, 10, 10));
    Plan.Item replace =
        adopted.units().get(0).items().stream()
            .filter(i -> "pc-replacement".equals(i.costKey()))
            .findFirst()
            .orElseThrow();
    assertThat(replace.machines()).containsExactly("pc1", "pc2");
    assertThat(replace.deadline()).isEqualTo(LocalDate.of(2026, 11, 9));
    // November: pc1 replaced by a compliant PC under the same id; pc2 unchanged.
    PeriodReport nov =
        report(
            "2026-11",
            List.of(
                as(Fixtures.COMPLIANT, "pc1", "2026-11-20"),
                as(Fixtures.OLD, "pc2", "2026-11-20")));
    PlanProgress.UnitProgress p = PlanProgress.of(adopted, nov).get(0);
    PlanProgress.ItemProgress item =
        p.progress().stream()
            .filter(i -> i.itemId().equals(replace.id()))
            .findFirst()
            .orElseThrow();
    assertThat(item.machines()).isEqualTo(2);
    assertThat(item.clearedMachines()).isEqualTo(1);
    assertThat(item.cleared()).isFalse();
    assertThat(item.overdue()).isTrue();
    assertThat(p.cleared()).isZero();
    assertThat(p.items()).isEqualTo(adopted.units().get(0).items().size());
    // Both replaced in December: every item that concerned them is cleared.
    PeriodReport dec =
        report(
            "2026-12",
            List.of(
                as(Fixtures.COMPLIANT, "pc1", "2026-12-05"),
                as(Fixtures.COMPLIANT, "pc2", "2026-12-05")));
    PlanProgress.UnitProgress d = PlanProgress.of(adopted, dec).get(0);
    assertThat(d.progress())
        .filteredOn(i -> i.itemId().equals(replace.id()))
        .singleElement()
        .satisfies(i -> assertThat(i.cleared()).isTrue());
    assertThat(d.percent()).isGreaterThan(p.percent());
  }
}
