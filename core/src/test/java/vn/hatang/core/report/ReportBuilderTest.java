package vn.hatang.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hatang.core.Fixtures;
import vn.hatang.core.check.Evaluator;
import vn.hatang.core.check.Finding;
import vn.hatang.core.check.State;
import vn.hatang.core.report.PeriodReport.UnitRow;
import vn.hatang.core.snapshot.LineMeasurement;
import vn.hatang.core.snapshot.Machine;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.UnitRef;
import vn.hatang.core.standard.Check;
import vn.hatang.core.standard.LocalizedText;
import vn.hatang.core.standard.Operator;
import vn.hatang.core.standard.Severity;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.UnitCheck;
import vn.hatang.core.standard.UnitMetric;

class ReportBuilderTest {
  private static final Period NOV = Period.parse("2026-11").orElseThrow();
  private static final LocalizedText T = new LocalizedText("T", "T");

  /**
   * A province (52) with two communes valid at the end of 2026: 21583 (a new commune that kept the
   * code of one of its predecessors) and 21607; the old commune 21586 ceased on 2025-06-30 and
   * became 21583.
   */
  static final class Units implements UnitDirectory {
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    final Node province = new Node("52", "Tỉnh Gia Lai", "province", null, null, null, null);
    final Node quyNhon =
        new Node("21583", "Phường Quy Nhơn", "ward", "52", 12, 4, "Chủ tịch UBND phường");
    final Node nhonChau = new Node("21607", "Xã Nhơn Châu", "commune", "52", 5, 2, null);
    final Node old = new Node("21586", "Phường Lê Lợi (cũ)", "ward", "540", null, null, null);

    @Override
    public Optional<Node> resolve(String code, LocalDate day) {
      if (code.equals("21586")) {
        return day.isBefore(REFORM) ? Optional.of(old) : Optional.empty();
      }
      return day.isBefore(REFORM)
          ? Optional.empty()
          : List.of(province, quyNhon, nhonChau).stream()
              .filter(n -> n.code().equals(code))
              .findFirst();
    }

    @Override
    public Optional<Node> successorOn(String code, LocalDate from, LocalDate day) {
      return code.equals("21586") && !day.isBefore(REFORM)
          ? Optional.of(quyNhon)
          : Optional.empty();
    }

    @Override
    public List<Node> validOn(LocalDate day) {
      return day.isBefore(REFORM) ? List.of(old) : List.of(province, quyNhon, nhonChau);
    }
  }

  static Snapshot snapshot(
      String fixture, String machineId, String unit, String day, List<LineMeasurement> lines) {
    Snapshot s = Fixtures.snapshot(fixture);
    Machine m = s.machine();
    return new Snapshot(
        s.schemaVersion(),
        UUID.nameUUIDFromBytes((machineId + day).getBytes()),
        OffsetDateTime.of(LocalDate.parse(day).atTime(9, 0), ZoneOffset.ofHours(7)),
        s.agent(),
        new UnitRef(unit, null, null),
        new Machine(machineId, machineId, m.machineIdSource(), m.role(), m.tags()),
        s.computerSystem(),
        s.os(),
        s.cpu(),
        s.memory(),
        s.storage(),
        s.peripherals(),
        s.antivirus(),
        lines,
        s.diagnostics());
  }

  static LineMeasurement dedicated(double mbps) {
    return new LineMeasurement(
        "dedicated",
        "http://x",
        null,
        "OK",
        null,
        4,
        mbps,
        mbps,
        10.0,
        9.0,
        1.0,
        12.0,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * The default standard's machine checks without its per-machine line checks (the lines are judged
   * per unit here), with these unit checks.
   */
  static Standard withUnitChecks(List<UnitCheck> unitChecks) {
    Standard s = Fixtures.defaultStandard();
    return s.withChecks(
        s.checks().stream().filter(c -> !c.id().startsWith("line.")).toList(), unitChecks);
  }

  static ReportBuilder.Judge judge(Standard standard) {
    return new ReportBuilder.Judge() {
      @Override
      public Standard standardFor(LocalDate day) {
        return standard;
      }

      @Override
      public List<Finding> findings(Snapshot snapshot, Standard std, LocalDate date) {
        return Evaluator.evaluate("test", snapshot, std, date).findings();
      }
    };
  }

  static final UnitCheck UPS =
      new UnitCheck(
          "unit.ups",
          T,
          List.of(),
          UnitMetric.EQUIPMENT_COUNT,
          null,
          "ups",
          Operator.GE,
          2,
          null,
          null,
          null,
          Severity.HIGH,
          1,
          new Check.Remediation(T, "pc-replacement"),
          null,
          1);
  static final UnitCheck LINE =
      new UnitCheck(
          "unit.dedicated",
          T,
          List.of("ward"),
          UnitMetric.LINE_DOWNLOAD,
          "dedicated",
          null,
          Operator.GE,
          100,
          "Mbps nominal",
          null,
          UnitCheck.Statistic.SPEED_DEFAULT,
          Severity.HIGH,
          1,
          null,
          null,
          2);

  @Test
  void countsRollUpAndSilentMachinesStay() {
    ReportBuilder b =
        new ReportBuilder(
            NOV,
            judge(withUnitChecks(List.of(UPS, LINE))),
            new Units(),
            (unit, item, day) ->
                unit.equals("21607") && item.equals("ups")
                    ? OptionalInt.of(2)
                    : OptionalInt.empty(),
            new EquipmentCounter(Map.of()));
    // Quy Nhơn: a compliant PC (two snapshots: the latest counts), an old PC, a PC silent since
    // September, and a PC still reporting the old commune's code from June 2025.
    b.accept(snapshot(Fixtures.COMPLIANT, "qn1", "21583", "2026-10-02", List.of(dedicated(40))));
    b.accept(
        snapshot(
            Fixtures.COMPLIANT,
            "qn1",
            "21583",
            "2026-11-20",
            List.of(dedicated(95.7), dedicated(95.9))));
    b.accept(snapshot(Fixtures.OLD, "qn2", "21583", "2026-11-21", List.of(dedicated(95.8))));
    b.accept(snapshot(Fixtures.COMPLIANT, "qn3", "21583", "2026-09-01", List.of()));
    b.accept(snapshot(Fixtures.COMPLIANT, "old1", "21586", "2025-06-20", List.of()));
    b.accept(snapshot(Fixtures.COMPLIANT, "nc1", "21607", "2026-11-03", List.of(dedicated(20))));
    // Unknown code, and a snapshot after the period.
    b.accept(snapshot(Fixtures.COMPLIANT, "x1", "99999", "2026-11-03", List.of()));
    b.accept(snapshot(Fixtures.OLD, "qn1", "21583", "2026-12-01", List.of()));
    PeriodReport r = b.build();

    assertThat(b.afterPeriod()).isEqualTo(1);
    assertThat(r.snapshots()).isEqualTo(7);
    assertThat(r.units())
        .extracting(UnitRow::code, UnitRow::depth)
        .containsExactly(tuple("52", 0), tuple("21583", 1), tuple("21607", 1));
    UnitRow qn = r.units().get(1);
    // 4 machines seen (the old commune's PC counts here through the successor), 4 expected.
    assertThat(qn.own()).isEqualTo(new PeriodReport.Counts(4, 4, 2, 0, 2, 0, 1, 1, 0, 0, 1));
    assertThat(qn.own().compliantPercent()).isEqualTo(25.0);
    UnitRow nc = r.units().get(2);
    assertThat(nc.own().neverSeen()).isEqualTo(1);
    assertThat(nc.own().compliantPercent()).isEqualTo(50.0);
    UnitRow province = r.units().get(0);
    assertThat(province.own().seen()).isZero();
    assertThat(province.total()).isEqualTo(qn.own().plus(nc.own()));
    // Unit checks: of Quy Nhơn's machines that are not missing only qn1 shows a UPS (qn3's is not
    // counted: silent since September): 1 of 2, buy 1. Nhơn Châu sees 1 and has 2 attested.
    assertThat(qn.findings())
        .extracting(PeriodReport.UnitResult::checkId, PeriodReport.UnitResult::state)
        .containsExactly(tuple("unit.ups", State.FAIL), tuple("unit.dedicated", State.UNKNOWN));
    assertThat(qn.findings().get(0).measured()).isEqualTo(1.0);
    assertThat(qn.findings().get(0).quantity()).isEqualTo(1);
    assertThat(qn.findings().get(0).costKey()).isEqualTo("pc-replacement");
    assertThat(qn.findings().get(1).samples()).isEqualTo(3);
    assertThat(nc.findings())
        .extracting(PeriodReport.UnitResult::state)
        .containsExactly(State.PASS, State.NOT_APPLICABLE);
    // The unknown code is reported with its machine, never dropped.
    assertThat(r.unresolved())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.code()).isEqualTo("99999");
              assertThat(u.machines()).isEqualTo(1);
              assertThat(u.reason().key()).isEqualTo("report.unresolved.unknown");
            });
    assertThat(r.machines()).hasSize(6);
    assertThat(r.machines())
        .filteredOn(m -> m.machineId().equals("qn1"))
        .singleElement()
        .satisfies(m -> assertThat(m.takenAt()).startsWith("2026-11-20"));
    assertThat(r.standards()).singleElement().satisfies(s -> assertThat(s.machines()).isEqualTo(6));
  }

  /** The snapshots of {@link #countsRollUpAndSilentMachinesStay}, and more of the same machines. */
  private static List<Snapshot> fleet() {
    List<Snapshot> out = new java.util.ArrayList<>();
    out.add(snapshot(Fixtures.COMPLIANT, "qn1", "21583", "2026-10-02", List.of(dedicated(40))));
    out.add(snapshot(Fixtures.COMPLIANT, "qn1", "21583", "2026-11-20", List.of(dedicated(95.7))));
    out.add(snapshot(Fixtures.OLD, "qn1", "21583", "2026-11-05", List.of(dedicated(93))));
    out.add(snapshot(Fixtures.OLD, "qn2", "21583", "2026-11-21", List.of(dedicated(95.8))));
    out.add(snapshot(Fixtures.COMPLIANT, "qn2", "21583", "2026-11-01", List.of()));
    out.add(snapshot(Fixtures.COMPLIANT, "qn3", "21583", "2026-09-01", List.of()));
    out.add(snapshot(Fixtures.COMPLIANT, "old1", "21586", "2025-06-20", List.of()));
    out.add(snapshot(Fixtures.COMPLIANT, "nc1", "21607", "2026-11-03", List.of(dedicated(20))));
    out.add(snapshot(Fixtures.OLD, "nc1", "21607", "2026-11-29", List.of(dedicated(21))));
    out.add(snapshot(Fixtures.COMPLIANT, "x1", "99999", "2026-11-03", List.of()));
    out.add(snapshot(Fixtures.OLD, "qn1", "21583", "2026-12-01", List.of()));
    return out;
  }

  private static ReportBuilder builder() {
    return builder(judge(withUnitChecks(List.of(UPS, LINE))));
  }

  private static ReportBuilder builder(ReportBuilder.Judge judge) {
    return new ReportBuilder(
        NOV, judge, new Units(), ReportBuilder.Attested.NONE, new EquipmentCounter(Map.of()));
  }

  /** A judge that records which snapshots it judged. */
  private static ReportBuilder.Judge counting(java.util.Set<UUID> judged) {
    ReportBuilder.Judge inner = judge(withUnitChecks(List.of(UPS, LINE)));
    return new ReportBuilder.Judge() {
      @Override
      public Standard standardFor(LocalDate day) {
        return inner.standardFor(day);
      }

      @Override
      public List<Finding> findings(Snapshot snapshot, Standard std, LocalDate date) {
        judged.add(snapshot.snapshotId());
        return inner.findings(snapshot, std, date);
      }
    };
  }

  @Test
  void aSnapshotJudgedAheadIsNotJudgedAgain() {
    java.util.Set<UUID> judged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    ReportBuilder b = builder(counting(judged));
    List<Snapshot> order = fleet();
    Map<Snapshot, ReportBuilder.Judged> ahead = new java.util.HashMap<>();
    for (Snapshot s : order) {
      ReportBuilder.Judged j = b.judgeAhead(s);
      if (j != null) {
        ahead.put(s, j);
      }
    }
    java.util.Set<UUID> judgedAhead = java.util.Set.copyOf(judged);
    assertThat(judgedAhead).hasSize(ahead.size()).isNotEmpty();
    judged.clear();
    order.forEach(s -> b.accept(s, ahead.get(s)));
    // In file order every snapshot judged ahead arrives with its judgement: accept judges none.
    assertThat(judged).doesNotContainAnyElementsOf(judgedAhead);
    assertThat(judged).isEmpty();
  }

  @Test
  void judgingAheadOnManyThreadsGivesTheReportOfASequentialRead() throws Exception {
    for (long seed = 1; seed <= 20; seed++) {
      List<Snapshot> order = new java.util.ArrayList<>(fleet());
      java.util.Collections.shuffle(order, new java.util.Random(seed));
      ReportBuilder sequential = builder();
      order.forEach(sequential::accept);

      // Judged ahead in another order than they are accepted in (as the parsing threads finish
      // them), then accepted in order, each with its judgement or null.
      ReportBuilder ahead = builder();
      List<Snapshot> parsing = new java.util.ArrayList<>(order);
      java.util.Collections.shuffle(parsing, new java.util.Random(-seed));
      Map<Snapshot, ReportBuilder.Judged> judged = new java.util.concurrent.ConcurrentHashMap<>();
      parsing.parallelStream()
          .forEach(
              s -> {
                ReportBuilder.Judged j = ahead.judgeAhead(s);
                if (j != null) {
                  judged.put(s, j);
                }
              });
      order.forEach(s -> ahead.accept(s, judged.get(s)));

      assertThat(new String(PeriodReportCodec.write(ahead.build())))
          .as("seed %d", seed)
          .isEqualTo(new String(PeriodReportCodec.write(sequential.build())));
      // Never more judged ahead than one per machine and snapshot newer than the ones before.
      assertThat(judged).hasSizeLessThanOrEqualTo(order.size() - 1);
    }
  }

  /**
   * A problem's measured and required values are written as {@link String#valueOf} writes them when
   * judged, whichever machine came first with an equal value: 4.0 and 4 stay apart, a list's text
   * is its own at the time, not one kept from an earlier machine.
   */
  @Test
  void problemValuesAreTheirTextsWhenJudged() {
    Standard std = withUnitChecks(List.of());
    vn.hatang.core.standard.Check check = std.checks().get(0);
    List<Object> list = new java.util.ArrayList<>(List.of("a"));
    List<Object[]> values =
        List.of(
            new Object[] {4.0, 4L},
            new Object[] {4L, 4.0},
            new Object[] {"HDD", Boolean.TRUE},
            new Object[] {list, list},
            new Object[] {4.0, "4"});
    int[] next = {0};
    List<String[]> expected = new java.util.ArrayList<>();
    ReportBuilder.Judge judge =
        new ReportBuilder.Judge() {
          @Override
          public Standard standardFor(LocalDate day) {
            return std;
          }

          @Override
          public List<Finding> findings(Snapshot snapshot, Standard s, LocalDate date) {
            list.add("b"); // the list changes from machine to machine
            Object[] v = values.get(next[0]++);
            expected.add(new String[] {String.valueOf(v[0]), String.valueOf(v[1])});
            return List.of(
                new Finding(check, State.FAIL, v[0], v[1], null, null, null, null, null));
          }
        };
    ReportBuilder b = builder(judge);
    List<Snapshot> machines = new java.util.ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      machines.add(snapshot(Fixtures.COMPLIANT, "m" + i, "21583", "2026-11-1" + i, List.of()));
    }
    machines.forEach(b::accept);
    PeriodReport r = b.build();
    for (int i = 0; i < values.size(); i++) {
      String id = "m" + i;
      PeriodReport.Problem p =
          r.machines().stream()
              .filter(m -> m.machineId().equals(id))
              .findFirst()
              .orElseThrow()
              .problems()
              .get(0);
      assertThat(new String[] {p.measured(), p.required()}).as(id).isEqualTo(expected.get(i));
      assertThat(p.severity())
          .isEqualTo(check.severity().name().toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(expected.get(0)).containsExactly("4.0", "4");
    assertThat(expected.get(3)[0]).isNotEqualTo(expected.get(4)[0]);
  }

  @Test
  void onlyAPossibleLatestIsJudgedAhead() {
    ReportBuilder b = builder();
    List<Snapshot> f = fleet();
    assertThat(b.judgeAhead(f.get(1))).isNotNull(); // qn1, 20 November
    assertThat(b.judgeAhead(f.get(0))).isNull(); // qn1, 2 October: older
    assertThat(b.judgeAhead(f.get(2))).isNull(); // qn1, 5 November: older
    assertThat(b.judgeAhead(f.get(10))).isNull(); // qn1, 1 December: after the period
    assertThat(b.judgeAhead(f.get(4))).isNotNull(); // qn2, 1 November: its first
    assertThat(b.judgeAhead(f.get(3))).isNotNull(); // qn2, 21 November: newer
  }

  @Test
  void aLineJudgedPerUnitLeavesTheMachinesVerdicts() {
    Standard full = Fixtures.defaultStandard();
    Standard std =
        full.withChecks(
            full.checks().stream().filter(c -> !"internet".equals(c.lineName())).toList(),
            List.of(LINE));
    ReportBuilder b =
        new ReportBuilder(
            NOV,
            judge(std),
            new Units(),
            ReportBuilder.Attested.NONE,
            new EquipmentCounter(Map.of()));
    // A compliant PC whose own dedicated-line test is slow (on Wi-Fi).
    b.accept(snapshot(Fixtures.COMPLIANT, "qn1", "21583", "2026-11-20", List.of(dedicated(20))));
    PeriodReport r = b.build();
    assertThat(r.machines().get(0).verdict()).isEqualTo(State.PASS);
    assertThat(r.machines().get(0).problems()).isEmpty();
    // Judged alone, the machine's dedicated-line checks fail.
    assertThat(
            Evaluator.evaluate(
                    "x",
                    snapshot(
                        Fixtures.COMPLIANT, "qn1", "21583", "2026-11-20", List.of(dedicated(20))),
                    std,
                    NOV.end())
                .verdict())
        .isEqualTo(State.FAIL);
  }

  @Test
  void aLineNeedsFourMeasurementsInThePeriod() {
    ReportBuilder b =
        new ReportBuilder(
            NOV,
            judge(withUnitChecks(List.of(LINE))),
            new Units(),
            ReportBuilder.Attested.NONE,
            new EquipmentCounter(Map.of()));
    b.accept(
        snapshot(
            Fixtures.COMPLIANT,
            "qn1",
            "21583",
            "2026-11-20",
            List.of(dedicated(95.7), dedicated(95.9), dedicated(30))));
    b.accept(snapshot(Fixtures.COMPLIANT, "qn2", "21583", "2026-11-21", List.of(dedicated(95.8))));
    // October's measurement does not count for November.
    b.accept(snapshot(Fixtures.COMPLIANT, "qn3", "21583", "2026-10-31", List.of(dedicated(10))));
    PeriodReport.UnitResult line = b.build().units().get(1).findings().get(0);
    assertThat(line.state()).isEqualTo(State.PASS);
    assertThat(line.samples()).isEqualTo(4);
    assertThat(line.unit()).isEqualTo("Mbps nominal");
    assertThat(line.required()).isEqualTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void withoutAUnitsFileTheSnapshotsUnitsAreTheUnits() throws Exception {
    ReportBuilder b =
        new ReportBuilder(
            NOV,
            judge(withUnitChecks(List.of())),
            UnitDirectory.NONE,
            ReportBuilder.Attested.NONE,
            new EquipmentCounter(Map.of()));
    b.accept(snapshot(Fixtures.COMPLIANT, "a", "21583", "2026-11-20", List.of()));
    b.accept(snapshot(Fixtures.OLD, "b", "21607", "2026-11-20", List.of()));
    PeriodReport r = b.build();
    assertThat(r.units()).extracting(UnitRow::code).containsExactly("21583", "21607");
    assertThat(r.unresolved()).isEmpty();
    // The frozen form reads back equal.
    assertThat(PeriodReportCodec.read(PeriodReportCodec.write(r))).isEqualTo(r);
  }
}
