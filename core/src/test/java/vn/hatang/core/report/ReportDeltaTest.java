package vn.hatang.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hatang.core.Fixtures;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.Formats;
import vn.hatang.core.snapshot.Snapshot;

class ReportDeltaTest {
  private static PeriodReport report(String period, List<Snapshot> snapshots) {
    ReportBuilder b =
        new ReportBuilder(
            Period.parse(period).orElseThrow(),
            ReportBuilderTest.judge(
                ReportBuilderTest.withUnitChecks(List.of(ReportBuilderTest.UPS))),
            new ReportBuilderTest.Units(),
            ReportBuilder.Attested.NONE,
            new EquipmentCounter(Map.of()));
    snapshots.forEach(b::accept);
    return b.build();
  }

  @Test
  void octoberToNovember() {
    // October: qn1 is the old PC (fails), qn2 compliant, qn3 compliant.
    PeriodReport oct =
        report(
            "2026-10",
            List.of(
                ReportBuilderTest.snapshot(Fixtures.OLD, "qn1", "21583", "2026-10-10", List.of()),
                ReportBuilderTest.snapshot(
                    Fixtures.COMPLIANT, "qn2", "21583", "2026-10-10", List.of()),
                ReportBuilderTest.snapshot(
                    Fixtures.COMPLIANT, "qn3", "21583", "2026-10-10", List.of())));
    // November: qn1 was replaced by a compliant PC (same id), qn2 silent, nc1 new and old.
    PeriodReport nov =
        report(
            "2026-11",
            List.of(
                ReportBuilderTest.snapshot(Fixtures.OLD, "qn1", "21583", "2026-10-10", List.of()),
                ReportBuilderTest.snapshot(
                    Fixtures.COMPLIANT, "qn1", "21583", "2026-11-10", List.of()),
                ReportBuilderTest.snapshot(
                    Fixtures.COMPLIANT, "qn2", "21583", "2026-09-01", List.of()),
                ReportBuilderTest.snapshot(
                    Fixtures.COMPLIANT, "qn3", "21583", "2026-11-10", List.of()),
                ReportBuilderTest.snapshot(Fixtures.OLD, "nc1", "21607", "2026-11-10", List.of())));
    ReportDelta.Delta d = ReportDelta.compare(oct, nov);
    assertThat(d.fixed())
        .extracting(ReportDelta.Deficiency::machineId, ReportDelta.Deficiency::checkId)
        .contains(tuple("qn1", "ram.min"), tuple("qn1", "cpu.generation"))
        .noneMatch(t -> "nc1".equals(t.toArray()[0]));
    assertThat(d.appeared())
        .extracting(ReportDelta.Deficiency::machineId)
        .contains("nc1")
        .doesNotContain("qn1", "qn3");
    assertThat(d.added()).extracting(ReportDelta.Machine::machineId).containsExactly("nc1");
    assertThat(d.silenced()).extracting(ReportDelta.Machine::machineId).containsExactly("qn2");
    // 21583: 2 of 4 expected compliant before and now (qn1 fixed, qn2 silent); 21607: 0 of 2
    // before and now. Nobody improved or regressed.
    assertThat(d.improved()).isEmpty();
    assertThat(d.regressed()).isEmpty();
    String vi =
        DeltaTable.render(
            d, new Formats(Messages.of(Locale.forLanguageTag("vi"), Messages.CORE_BUNDLE)));
    assertThat(vi)
        .startsWith("Thay đổi từ kỳ 2026-10 đến kỳ 2026-11\n")
        .contains("Máy mới: 1")
        .contains("Máy kỳ trước có báo cáo, nay im lặng (đã thanh lý hoặc cần đôn đốc): 1");
  }
}
