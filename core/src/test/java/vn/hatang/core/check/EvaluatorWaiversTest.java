package vn.hatang.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.hatang.core.ExitCode;
import vn.hatang.core.Fixtures;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.waiver.Waiver;
import vn.hatang.core.waiver.Waivers;

class EvaluatorWaiversTest {
  static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  static final String OLD_PC = "c0ffee00112233445566778899aabbcc";
  final Standard std = Fixtures.defaultStandard();

  static Waiver waiver(String check, Waiver.Scope scope, String target, String from, String to) {
    return new Waiver(
        check,
        scope,
        target,
        "accepted",
        "Trần Thị B",
        LocalDate.parse(from),
        LocalDate.parse(to),
        "P-1",
        "w.yaml:1:3");
  }

  private Map<String, Finding> findings(MachineResult r) {
    return r.findings().stream()
        .collect(Collectors.toMap(f -> f.check().id(), Function.identity()));
  }

  @Test
  void aWaivedFailureKeepsItsMeasurementsAndCarriesTheWaiver() {
    Waiver w = waiver("ram.min", Waiver.Scope.MACHINE, OLD_PC, "2026-10-01", "2026-12-31");
    MachineResult r =
        Evaluator.evaluate("o", Fixtures.snapshot(Fixtures.OLD), std, DAY, new Waivers(List.of(w)));
    Finding ram = findings(r).get("ram.min");
    assertThat(ram.state()).isEqualTo(State.WAIVED);
    assertThat(ram.measured()).isEqualTo(2.0);
    assertThat(ram.shortfall()).isEqualTo(6.0);
    assertThat(ram.unitCost()).isEqualTo(650_000L);
    assertThat(ram.waiver()).isSameAs(w);
    assertThat(ram.waiverExpired()).isFalse();
    assertThat(r.count(State.WAIVED)).isEqualTo(1);
    assertThat(r.counts()).containsEntry(State.WAIVED, 1L);
    // Other failures still fail the machine.
    assertThat(r.verdict()).isEqualTo(State.FAIL);
  }

  @Test
  void aMachineWhoseOnlyFailuresAreWaivedIsWaivedAndExitsZero() {
    Snapshot old = Fixtures.snapshot(Fixtures.OLD);
    MachineResult plain = Evaluator.evaluate("o", old, std, DAY);
    List<Waiver> all = new ArrayList<>();
    for (Finding f : plain.findings()) {
      if (f.state() == State.FAIL) {
        all.add(waiver(f.check().id(), Waiver.Scope.UNIT, "21607", "2026-11-01", "2026-11-25"));
      }
    }
    assertThat(all).hasSize(16);
    // The UNKNOWN line checks keep the verdict UNKNOWN: waive nothing there, judge with a
    // standard that has only the checks this PC fails.
    Standard failingOnly =
        std.withChecks(
            std.checks().stream()
                .filter(c -> all.stream().anyMatch(w -> w.checkId().equals(c.id())))
                .toList(),
            List.of());
    MachineResult r = Evaluator.evaluate("o", old, failingOnly, DAY, new Waivers(all));
    assertThat(r.verdict()).isEqualTo(State.WAIVED);
    assertThat(r.findings()).allMatch(f -> f.state() == State.WAIVED);
    CheckReport report = new CheckReport(failingOnly, DAY, List.of(r), List.of());
    assertThat(report.exitCode(false)).isEqualTo(ExitCode.OK);
    assertThat(report.exitCode(true)).isEqualTo(ExitCode.OK);
    assertThat(report.count(State.WAIVED)).isEqualTo(1);
    // The day after the last day, every one of them fails again.
    MachineResult later =
        Evaluator.evaluate("o", old, failingOnly, DAY.plusDays(1), new Waivers(all));
    assertThat(later.verdict()).isEqualTo(State.FAIL);
    assertThat(later.findings()).allMatch(Finding::waiverExpired);
    assertThat(new CheckReport(failingOnly, DAY.plusDays(1), List.of(later), List.of()))
        .satisfies(rep -> assertThat(rep.expiredWaiverCount()).isEqualTo(16))
        .satisfies(rep -> assertThat(rep.exitCode(false)).isEqualTo(ExitCode.DEFICIENCIES));
  }

  @Test
  void anExpiredWaiverLeavesTheFailureAndSaysSo() {
    Waiver w = waiver("tpm.version", Waiver.Scope.MACHINE, OLD_PC, "2026-06-01", "2026-10-31");
    Finding tpm =
        findings(
                Evaluator.evaluate(
                    "o", Fixtures.snapshot(Fixtures.OLD), std, DAY, new Waivers(List.of(w))))
            .get("tpm.version");
    assertThat(tpm.state()).isEqualTo(State.FAIL);
    assertThat(tpm.waiver()).isSameAs(w);
    assertThat(tpm.waiverExpired()).isTrue();
  }

  @Test
  void aWaiverApprovedAfterTheEvaluationDateDoesNotApply() {
    Waiver w = waiver("tpm.version", Waiver.Scope.MACHINE, OLD_PC, "2026-11-26", "2027-06-30");
    Finding tpm =
        findings(
                Evaluator.evaluate(
                    "o", Fixtures.snapshot(Fixtures.OLD), std, DAY, new Waivers(List.of(w))))
            .get("tpm.version");
    assertThat(tpm.state()).isEqualTo(State.FAIL);
    assertThat(tpm.waiver()).isNull();
  }

  @Test
  void aUnitWaiverCoversEveryMachineOfTheUnitAndNoOther() {
    Waivers w =
        new Waivers(
            List.of(
                waiver("os.supported", Waiver.Scope.UNIT, "21583", "2026-11-01", "2027-03-31")));
    Finding qn =
        findings(Evaluator.evaluate("m", Fixtures.snapshot(Fixtures.MISSING), std, DAY, w))
            .get("os.supported");
    assertThat(qn.state()).isEqualTo(State.WAIVED);
    Finding nc =
        findings(Evaluator.evaluate("o", Fixtures.snapshot(Fixtures.OLD), std, DAY, w))
            .get("os.supported");
    assertThat(nc.state()).isEqualTo(State.FAIL);
    assertThat(nc.waiver()).isNull();
  }

  @Test
  void unknownAndPassingFindingsAreNeverWaived() {
    Waivers w =
        new Waivers(
            List.of(
                waiver("tpm.version", Waiver.Scope.UNIT, "21583", "2026-01-01", "2027-12-31"),
                waiver("ram.min", Waiver.Scope.UNIT, "21583", "2026-01-01", "2027-12-31")));
    Finding tpm =
        findings(Evaluator.evaluate("m", Fixtures.snapshot(Fixtures.MISSING), std, DAY, w))
            .get("tpm.version");
    assertThat(tpm.state()).isEqualTo(State.UNKNOWN);
    assertThat(tpm.waiver()).isNull();
    Finding ram =
        findings(Evaluator.evaluate("c", Fixtures.snapshot(Fixtures.COMPLIANT), std, DAY, w))
            .get("ram.min");
    assertThat(ram.state()).isEqualTo(State.PASS);
    assertThat(ram.waiver()).isNull();
  }

  @Test
  void waivedRanksBetweenPassAndUnknown() {
    assertThat(State.PASS.worst(State.WAIVED)).isEqualTo(State.WAIVED);
    assertThat(State.WAIVED.worst(State.UNKNOWN)).isEqualTo(State.UNKNOWN);
    assertThat(State.WAIVED.worst(State.FAIL)).isEqualTo(State.FAIL);
    assertThat(State.NOT_APPLICABLE.worst(State.WAIVED)).isEqualTo(State.WAIVED);
  }

  @Test
  void withoutWaiversTheResultIsTheSame() {
    Snapshot old = Fixtures.snapshot(Fixtures.OLD);
    assertThat(Evaluator.evaluate("o", old, std, DAY, Waivers.NONE))
        .isEqualTo(Evaluator.evaluate("o", old, std, DAY));
  }
}
