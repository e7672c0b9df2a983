package vn.hatang.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import vn.hatang.core.Fixtures;
import vn.hatang.core.check.Evaluator;
import vn.hatang.core.check.Finding;
import vn.hatang.core.report.EquipmentCounter;
import vn.hatang.core.report.Period;
import vn.hatang.core.report.PeriodReport;
import vn.hatang.core.report.ReportBuilder;
import vn.hatang.core.report.UnitDirectory;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.LocalizedText;
import vn.hatang.core.standard.Standard;

class PlanReviewTest {
  private static final Standard STD = Fixtures.defaultStandard();

  private static PeriodReport report() {
    ReportBuilder b =
        new ReportBuilder(
            Period.parse("2026-11").orElseThrow(),
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
            (unit, item, day) -> OptionalInt.empty(),
            new EquipmentCounter(Map.of()));
    b.accept(Fixtures.snapshot(Fixtures.OLD));
    return b.build();
  }

  private static Plan.Item withOwner(Plan.Item i, String owner) {
    return new Plan.Item(
        i.id(),
        i.action(),
        i.costKey(),
        i.checks(),
        i.machines(),
        i.quantity(),
        i.unitCost(),
        i.months(),
        i.cost(),
        i.severity(),
        i.deadline(),
        owner,
        i.target());
  }

  private static Plan withItems(Plan plan, List<Plan.Item> items) {
    Plan.UnitPlan u = plan.units().get(0);
    return new Plan(
        plan.format(),
        plan.period(),
        plan.planDate(),
        plan.standard(),
        plan.currency(),
        List.of(
            new Plan.UnitPlan(
                u.code(),
                u.name(),
                u.owner(),
                items,
                u.total(),
                u.unpriced(),
                u.unknownMachines(),
                u.silentMachines())),
        plan.total());
  }

  @Test
  void theGeneratedPlanCoversEverythingButHasNoOwnerWithoutAUnitsFile() {
    PeriodReport report = report();
    Plan plan = PlanBuilder.build(report, STD, LocalDate.of(2026, 12, 1));
    PlanReview.UnitReview r = PlanReview.review(plan, report, STD).get(0);
    assertThat(r.deficiencies()).isEqualTo(16);
    assertThat(r.covered()).isEqualTo(16);
    assertThat(r.coveragePercent()).isEqualTo(100.0);
    assertThat(r.uncovered()).isEmpty();
    assertThat(r.incomplete())
        .extracting(PlanReview.Incomplete::missing)
        .containsOnly(List.of("owner"));
    assertThat(r.complete()).isFalse();
    List<Plan.Item> owned =
        plan.units().get(0).items().stream().map(i -> withOwner(i, "Chủ tịch UBND xã")).toList();
    assertThat(PlanReview.review(withItems(plan, owned), report, STD).get(0).complete()).isTrue();
  }

  @Test
  void aDraftThatRaisesRamTo4GbAndForgetsTheAntivirus() {
    PeriodReport report = report();
    Plan plan = PlanBuilder.build(report, STD, LocalDate.of(2026, 12, 1));
    String machine = report.machines().get(0).machineId();
    List<Plan.Item> draft = new ArrayList<>();
    // The unit keeps its old PC and adds RAM up to 4 GiB; no antivirus; a line upgrade without
    // a deadline.
    draft.add(
        new Plan.Item(
            "21607/ram",
            new LocalizedText("Thêm RAM", "Add RAM"),
            "ram-upgrade-8gb",
            List.of("ram.floor", "ram.min"),
            List.of(machine),
            1,
            650_000L,
            1,
            650_000L,
            "high",
            LocalDate.of(2027, 1, 1),
            "Chủ tịch UBND xã",
            new Plan.Target(4, "GiB")));
    Plan.Item line =
        plan.units().get(0).items().stream()
            .filter(i -> "internet-upgrade-month".equals(i.costKey()))
            .findFirst()
            .orElseThrow();
    draft.add(
        new Plan.Item(
            line.id(),
            line.action(),
            line.costKey(),
            List.of(),
            List.of(),
            1,
            line.unitCost(),
            12,
            line.cost(),
            line.severity(),
            null,
            "Chủ tịch UBND xã",
            null));
    PlanReview.UnitReview r = PlanReview.review(withItems(plan, draft), report, STD).get(0);
    assertThat(r.shortfalls())
        .extracting(
            PlanReview.Shortfall::checkId,
            PlanReview.Shortfall::target,
            PlanReview.Shortfall::required)
        .containsExactly(tuple("ram.min", "4 GiB", "8 GiB"));
    assertThat(r.uncovered())
        .extracting(PlanReview.Deficiency::checkId)
        .contains("ram.min", "antivirus.active", "cpu.generation", "os.supported")
        .doesNotContain("ram.floor", "line.internet.download", "line.internet.upload");
    assertThat(r.incomplete())
        .singleElement()
        .satisfies(i -> assertThat(i.missing()).containsExactly("deadline"));
    // ram.floor and the two internet checks are covered: 3 of 16.
    assertThat(r.covered()).isEqualTo(3);
    assertThat(r.coveragePercent()).isEqualTo(100.0 * 3 / 16);
  }
}
