package vn.hatang.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.hatang.core.check.State;
import vn.hatang.core.snapshot.LineMeasurement;
import vn.hatang.core.standard.LocalizedText;
import vn.hatang.core.standard.Operator;
import vn.hatang.core.standard.Severity;
import vn.hatang.core.standard.UnitCheck;
import vn.hatang.core.standard.UnitMetric;

class UnitEvaluatorTest {
  private static final LocalizedText T = new LocalizedText("T", "T");
  private static final Function<String, OptionalInt> NONE_ATTESTED = item -> OptionalInt.empty();
  private static final UnitEvaluator.UnitInfo COMMUNE =
      new UnitEvaluator.UnitInfo("21583", "commune", 12, 10);

  private static UnitCheck check(
      UnitMetric metric,
      String line,
      String item,
      Operator op,
      double value,
      String unit,
      Double perStaff,
      List<String> levels) {
    return new UnitCheck(
        "c",
        T,
        levels,
        metric,
        line,
        item,
        op,
        value,
        unit,
        perStaff,
        metric.needs() == UnitMetric.Needs.LINE ? UnitCheck.Statistic.defaultFor(metric) : null,
        Severity.HIGH,
        1,
        null,
        null,
        1);
  }

  private static LineMeasurement line(String name, String status, double down, double latency) {
    return new LineMeasurement(
        name,
        "http://x",
        null,
        status,
        null,
        4,
        down,
        down,
        latency,
        latency,
        1.0,
        latency,
        null,
        null,
        null,
        null,
        null);
  }

  private static UnitFacts.MachineFact machine(
      String id, String role, MachineStatus status, State verdict) {
    return new UnitFacts.MachineFact(id, id, role, status, verdict);
  }

  @Test
  void printersPerStaffCountSeenOrAttestedWhicheverIsMore() {
    UnitCheck printers =
        check(UnitMetric.EQUIPMENT_COUNT, null, "printer", Operator.GE, 1, null, 5.0, List.of());
    UnitFacts facts = new UnitFacts();
    facts.machine(machine("pc", "desktop", MachineStatus.REPORTING, State.PASS));
    facts.equipment(Map.of("printer", java.util.Set.of("a", "b")));
    // 12 staff, 1 per 5 → 3 needed; 2 seen.
    UnitFinding f = UnitEvaluator.evaluate(printers, COMMUNE, facts, NONE_ATTESTED);
    assertThat(f.state()).isEqualTo(State.FAIL);
    assertThat(f.measured()).isEqualTo(2.0);
    assertThat(f.required()).isEqualTo(3.0);
    assertThat(f.quantity()).isEqualTo(1);
    assertThat(f.note().key()).isEqualTo("note.unit.seen");
    UnitFinding attested =
        UnitEvaluator.evaluate(printers, COMMUNE, facts, item -> OptionalInt.of(3));
    assertThat(attested.state()).isEqualTo(State.PASS);
    assertThat(attested.note().args()).containsExactly(2, 3);
    // Without the staff figure the requirement cannot be known.
    UnitFinding noStaff =
        UnitEvaluator.evaluate(
            printers, new UnitEvaluator.UnitInfo("x", "commune", null, null), facts, NONE_ATTESTED);
    assertThat(noStaff.state()).isEqualTo(State.UNKNOWN);
    assertThat(noStaff.reason().key()).isEqualTo("reason.unit.noStaff");
  }

  @Test
  void missingUpsesAreTheQuantityToBuy() {
    UnitCheck ups =
        check(UnitMetric.EQUIPMENT_COUNT, null, "ups", Operator.GE, 3, null, null, List.of());
    UnitFacts facts = new UnitFacts();
    facts.machine(machine("pc", "desktop", MachineStatus.REPORTING, State.PASS));
    UnitFinding f = UnitEvaluator.evaluate(ups, COMMUNE, facts, NONE_ATTESTED);
    assertThat(f.state()).isEqualTo(State.FAIL);
    assertThat(f.shortfall()).isEqualTo(3.0);
    assertThat(f.quantity()).isEqualTo(3);
    // A unit whose machines are all silent, with nothing attested: not known, not zero.
    UnitFacts silent = new UnitFacts();
    silent.machine(machine("gone", "desktop", MachineStatus.MISSING, null));
    UnitFinding unknown = UnitEvaluator.evaluate(ups, COMMUNE, silent, NONE_ATTESTED);
    assertThat(unknown.state()).isEqualTo(State.UNKNOWN);
    assertThat(unknown.reason().key()).isEqualTo("reason.unit.nothingSeen");
    // An attestation of none is an answer: 0 of 3.
    assertThat(UnitEvaluator.evaluate(ups, COMMUNE, silent, item -> OptionalInt.of(0)).state())
        .isEqualTo(State.FAIL);
  }

  @Test
  void levelsNotConcernedAndUnknownLevels() {
    UnitCheck ups =
        check(UnitMetric.EQUIPMENT_COUNT, null, "ups", Operator.GE, 1, null, null, List.of("ward"));
    assertThat(UnitEvaluator.evaluate(ups, COMMUNE, new UnitFacts(), NONE_ATTESTED).state())
        .isEqualTo(State.NOT_APPLICABLE);
    UnitFinding unknown =
        UnitEvaluator.evaluate(
            ups, new UnitEvaluator.UnitInfo("x", null, 1, 1), new UnitFacts(), NONE_ATTESTED);
    assertThat(unknown.state()).isEqualTo(State.UNKNOWN);
    assertThat(unknown.reason().key()).isEqualTo("reason.unit.levelUnknown");
  }

  @Test
  void compliantPercentCountsSilentAndNeverSeenMachinesAgainst() {
    UnitCheck pct =
        check(UnitMetric.COMPLIANT_PERCENT, null, null, Operator.GE, 90, "%", null, List.of());
    UnitFacts facts = new UnitFacts();
    for (int i = 0; i < 7; i++) {
      facts.machine(machine("ok" + i, "desktop", MachineStatus.REPORTING, State.PASS));
    }
    facts.machine(machine("old", "desktop", MachineStatus.REPORTING, State.FAIL));
    facts.machine(machine("gone", "desktop", MachineStatus.MISSING, null));
    // 9 seen, 10 expected: 7 of 10.
    UnitFinding f = UnitEvaluator.evaluate(pct, COMMUNE, facts, NONE_ATTESTED);
    assertThat(f.state()).isEqualTo(State.FAIL);
    assertThat(f.measured()).isCloseTo(70.0, within(1e-9));
    assertThat(f.note().args()).containsExactly(7L, 10);
    UnitCheck reporting =
        check(UnitMetric.REPORTING_PERCENT, null, null, Operator.GE, 80, "%", null, List.of());
    UnitFinding r = UnitEvaluator.evaluate(reporting, COMMUNE, facts, NONE_ATTESTED);
    assertThat(r.measured()).isCloseTo(80.0, within(1e-9));
    assertThat(r.state()).isEqualTo(State.PASS);
    UnitFinding empty =
        UnitEvaluator.evaluate(
            pct,
            new UnitEvaluator.UnitInfo("x", "commune", 3, null),
            new UnitFacts(),
            NONE_ATTESTED);
    assertThat(empty.reason().key()).isEqualTo("reason.unit.noMachines");
  }

  @Test
  void computersPerStaff() {
    UnitCheck pcs =
        check(UnitMetric.COMPUTERS_COUNT, null, null, Operator.GE, 1, null, 1.0, List.of());
    UnitFacts facts = new UnitFacts();
    for (int i = 0; i < 10; i++) {
      facts.machine(machine("d" + i, "desktop", MachineStatus.REPORTING, State.PASS));
    }
    facts.machine(machine("srv", "server", MachineStatus.REPORTING, State.PASS));
    facts.machine(machine("lost", "laptop", MachineStatus.MISSING, null));
    UnitFinding f = UnitEvaluator.evaluate(pcs, COMMUNE, facts, NONE_ATTESTED);
    assertThat(f.measured()).isEqualTo(10.0);
    assertThat(f.required()).isEqualTo(12.0);
    assertThat(f.quantity()).isEqualTo(2);
  }

  @Test
  void aLineIsTheUpperQuartileOfItsMeasurementsAndNeedsFour() {
    UnitCheck down =
        check(
            UnitMetric.LINE_DOWNLOAD,
            "dedicated",
            null,
            Operator.GE,
            100,
            "Mbps nominal",
            null,
            List.of());
    UnitCheck latency =
        check(UnitMetric.LINE_LATENCY, "dedicated", null, Operator.LE, 50, "ms", null, List.of());
    UnitFacts facts = new UnitFacts();
    facts.line(line("dedicated", "OK", 95.8, 12));
    facts.line(line("dedicated", "OK", 95.9, 13));
    facts.line(line("dedicated", "REFUSED", 0, 0)); // not a measurement
    facts.line(line("internet", "OK", 10, 90)); // another line
    UnitFinding few = UnitEvaluator.evaluate(down, COMMUNE, facts, NONE_ATTESTED);
    assertThat(few.state()).isEqualTo(State.UNKNOWN);
    assertThat(few.reason().args()).containsExactly("dedicated", 2, 4);
    facts.line(line("dedicated", "OK", 30, 80)); // the PC on Wi-Fi
    facts.line(line("dedicated", "OK", 95.7, 12));
    UnitFinding f = UnitEvaluator.evaluate(down, COMMUNE, facts, NONE_ATTESTED);
    assertThat(f.state()).isEqualTo(State.PASS);
    assertThat(f.samples()).isEqualTo(4);
    assertThat(f.measured()).isCloseTo(95.825, within(1e-9));
    // Latency takes the lower quartile: 12, 12, 13, 80 → 12.
    UnitFinding lat = UnitEvaluator.evaluate(latency, COMMUNE, facts, NONE_ATTESTED);
    assertThat(lat.state()).isEqualTo(State.PASS);
    assertThat(lat.measured()).isCloseTo(12.0, within(1e-9));
    // A 50 Mbit/s line fails a 100 Mbit/s requirement by the goodput difference.
    UnitFacts slow = new UnitFacts();
    for (double v : new double[] {47.5, 47.8, 47.6, 47.9, 99}) {
      slow.line(line("dedicated", "OK", v, 10));
    }
    UnitFinding s = UnitEvaluator.evaluate(down, COMMUNE, slow, NONE_ATTESTED);
    assertThat(s.state()).isEqualTo(State.FAIL);
    assertThat(s.measured()).isCloseTo(47.9, within(1e-9));
    assertThat(s.shortfall()).isCloseTo(100 * 1448.0 / 1514 - 47.9, within(1e-9));
    assertThat(s.quantity()).isEqualTo(1);
  }
}
