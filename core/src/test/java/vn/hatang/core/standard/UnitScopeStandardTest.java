package vn.hatang.core.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;

/** Unit-scoped checks, the score block and the plan block of a standards file. */
class UnitScopeStandardTest {
  @TempDir Path dir;
  Path file;

  @BeforeEach
  void copyReference() throws IOException {
    Path ref = dir.resolve("reference");
    Files.createDirectories(ref);
    Files.copy(
        Fixtures.standardsDir().resolve("reference/prices-vnd-2025.yaml"),
        ref.resolve("prices-vnd-2025.yaml"));
    Files.createDirectories(dir.resolve("demo"));
    file = dir.resolve("demo/1.0.yaml");
  }

  private static final String HEADER =
      """
      id: demo
      version: "1.0"
      title: {vi: "Thử", en: "Demo"}
      issuer: test
      effectiveFrom: 2025-07-01
      freshnessDays: 30
      references:
        prices: ../reference/prices-vnd-2025.yaml
      checks:
        - id: ram
          title: {vi: "RAM", en: "RAM"}
          metric: memory.sizeBytes
          op: ">="
          value: 8
          unit: GiB
      """;

  private List<Problem> validate(String rest) throws IOException {
    Files.writeString(file, HEADER + rest, StandardCharsets.UTF_8);
    return StandardLoader.validate(file, "demo/1.0.yaml");
  }

  private Standard load(String rest) throws Exception {
    assertThat(validate(rest)).isEmpty();
    return StandardLoader.load(file, "demo/1.0.yaml");
  }

  @Test
  void unitChecksAreReadBesideMachineChecks() throws Exception {
    Standard s =
        load(
            """
              - id: unit.ups
                title: {vi: "Có UPS", en: "A UPS"}
                scope: unit
                appliesTo: {unitLevels: [commune, ward]}
                metric: unit.equipment.count
                item: ups
                op: ">="
                value: 1
                severity: high
                remediation:
                  action: {vi: "Mua UPS", en: "Buy a UPS"}
                  costKey: pc-replacement
              - id: unit.printers
                title: {vi: "Máy in", en: "Printers"}
                scope: unit
                metric: unit.equipment.count
                item: printer
                op: ">="
                value: 1
                perStaff: 5
              - id: unit.dedicated
                title: {vi: "TSLCD", en: "Dedicated line"}
                scope: unit
                metric: unit.line.downloadMbps
                line: dedicated
                op: ">="
                value: 100
                unit: Mbps nominal
              - id: unit.latency
                title: {vi: "Trễ", en: "Latency"}
                scope: unit
                metric: unit.line.latencyMs
                line: internet
                op: "<="
                value: 60
                unit: ms
                statistic: {quantile: 0.5, minSamples: 6}
              - id: unit.compliant
                title: {vi: "90% máy đạt", en: "90% of PCs compliant"}
                scope: unit
                metric: unit.machines.compliantPercent
                op: ">="
                value: 90
                unit: "%"
            """);
    assertThat(s.checks()).extracting(Check::id).containsExactly("ram");
    assertThat(s.unitChecks())
        .extracting(
            UnitCheck::id,
            c -> c.metric().path(),
            UnitCheck::item,
            UnitCheck::lineName,
            UnitCheck::perStaff)
        .containsExactly(
            tuple("unit.ups", "unit.equipment.count", "ups", null, null),
            tuple("unit.printers", "unit.equipment.count", "printer", null, 5.0),
            tuple("unit.dedicated", "unit.line.downloadMbps", null, "dedicated", null),
            tuple("unit.latency", "unit.line.latencyMs", null, "internet", null),
            tuple("unit.compliant", "unit.machines.compliantPercent", null, null, null));
    UnitCheck ups = s.unitChecks().get(0);
    assertThat(ups.unitLevels()).containsExactly("commune", "ward");
    assertThat(ups.severity()).isEqualTo(Severity.HIGH);
    assertThat(ups.remediation().costKey()).isEqualTo("pc-replacement");
    assertThat(ups.line()).isEqualTo(16);
    // Speeds default to the upper quartile of at least 4 tests; nominal rates become goodput.
    UnitCheck dedicated = s.unitChecks().get(2);
    assertThat(dedicated.statistic()).isEqualTo(new UnitCheck.Statistic(0.75, 4));
    assertThat(dedicated.requiredBase())
        .isCloseTo(95.64, org.assertj.core.data.Offset.offset(0.01));
    assertThat(s.unitChecks().get(3).statistic()).isEqualTo(new UnitCheck.Statistic(0.5, 6));
    assertThat(s.unitChecks().get(4).requiredBase()).isEqualTo(90.0);
    assertThat(s.score()).isNull();
    assertThat(s.plan()).isEqualTo(PlanPolicy.DEFAULT);
  }

  @Test
  void unitCheckMistakesArePlacedAndNamed() throws Exception {
    List<Problem> problems =
        validate(
            """
              - id: unit.a
                title: {vi: "A", en: "A"}
                scope: unit
                metric: unit.equipment.count
                op: ">="
                value: 1
              - id: unit.b
                title: {vi: "B", en: "B"}
                scope: unit
                metric: unit.line.downloadMbps
                line: internet
                item: ups
                op: "matches"
                value: 1
                unit: GB
              - id: unit.c
                title: {vi: "C", en: "C"}
                scope: unit
                metric: unit.machines.compliantPercent
                op: ">="
                value: 90
                unit: "%"
                perStaff: 3
                statistic: {quantile: 2}
              - id: ram2
                title: {vi: "R", en: "R"}
                metric: memory.sizeBytes
                op: ">="
                value: 8
                unit: GiB
                item: ups
              - id: unit.d
                title: {vi: "D", en: "D"}
                scope: unit
                metric: unit.machine.count
                op: ">="
                value: 1
            """);
    assertThat(problems)
        .extracting(Problem::line, Problem::key)
        .containsExactlyInAnyOrder(
            tuple(16, "standard.error.itemRequired"),
            tuple(27, "standard.error.itemNotAllowed"),
            tuple(28, "standard.error.badOperator"),
            tuple(30, "standard.error.unitVsMetric"),
            tuple(38, "standard.error.perStaffCountsOnly"),
            tuple(39, "standard.error.statisticLinesOnly"),
            tuple(39, "standard.error.quantile"),
            tuple(46, "standard.error.unitScopeOnly"),
            tuple(50, "standard.error.unknownUnitMetric"));
  }

  @Test
  void scoreAndPlanBlocks() throws Exception {
    Standard s =
        load(
            """
              - id: unit.ups
                title: {vi: "Có UPS", en: "A UPS"}
                scope: unit
                metric: unit.equipment.count
                item: ups
                op: ">="
                value: 1
            score:
              title: {vi: "Chỉ số CCHC: hạ tầng CNTT", en: "PAR index: IT infrastructure"}
              levels: [commune, ward]
              criteria:
                - id: compliant
                  title: {vi: "Máy đạt chuẩn", en: "Compliant PCs"}
                  points: 2
                  formula: ratio
                  metric: unit.machines.compliantPercent
                - id: ram
                  title: {vi: "RAM", en: "RAM"}
                  points: 1
                  formula: threshold
                  check: ram
                  op: ">="
                  threshold: 80
                - id: line
                  title: {vi: "Đường truyền", en: "Line"}
                  points: 1.5
                  formula: relative
                  metric: unit.line.downloadMbps
                  line: dedicated
            plan:
              horizonDays: 200
              deadlineDays: {critical: 15, low: 400}
            """);
    assertThat(s.score().maxPoints()).isEqualTo(4.5);
    assertThat(s.score().levels()).containsExactly("commune", "ward");
    assertThat(s.score().criteria())
        .extracting(
            ScoreModel.Criterion::id,
            ScoreModel.Criterion::formula,
            ScoreModel.Criterion::checkId,
            ScoreModel.Criterion::threshold)
        .containsExactly(
            tuple("compliant", ScoreModel.Formula.RATIO, null, null),
            tuple("ram", ScoreModel.Formula.THRESHOLD, "ram", 80.0),
            tuple("line", ScoreModel.Formula.RELATIVE, null, null));
    assertThat(s.plan().daysFor(Severity.CRITICAL)).isEqualTo(15);
    assertThat(s.plan().daysFor(Severity.HIGH)).isEqualTo(90);
    // No deadline beyond the horizon.
    assertThat(s.plan().daysFor(Severity.LOW)).isEqualTo(200);
  }

  @Test
  void scoreMistakes() throws Exception {
    List<Problem> problems =
        validate(
            """
            score:
              title: {vi: "Điểm", en: "Score"}
              criteria:
                - id: a
                  title: {vi: "A", en: "A"}
                  points: 1
                  formula: ratio
                  check: no.such.check
                - id: a
                  title: {vi: "A", en: "A"}
                  points: 0
                  formula: squared
                  metric: unit.machines.compliantPercent
                  threshold: 3
            """);
    assertThat(problems)
        .extracting(Problem::line, Problem::key)
        .containsExactlyInAnyOrder(
            tuple(23, "standard.error.unknownCheck"),
            tuple(24, "standard.error.duplicateId"),
            tuple(26, "standard.error.positive"),
            tuple(27, "standard.error.unknownValue"),
            tuple(29, "standard.error.thresholdOnly"));
  }

  @Test
  void priceItemsSayPerUnitMonthlyAndWhatTheyCover() throws Exception {
    Standard s = load("");
    PriceTable prices = s.reference().prices();
    assertThat(prices.items().get("pc-replacement").covers()).contains("ram-upgrade-8gb");
    assertThat(prices.items().get("tslcd-upgrade-month").perUnit()).isTrue();
    assertThat(prices.items().get("tslcd-upgrade-month").monthly()).isTrue();
    assertThat(prices.items().get("ram-upgrade-8gb").perUnit()).isFalse();
    assertThat(prices.items().get("ram-upgrade-8gb").monthly()).isFalse();
  }
}
