package vn.hatang.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.hatang.core.ExitCode;
import vn.hatang.core.Fixtures;
import vn.hatang.core.snapshot.Machine;
import vn.hatang.core.snapshot.OperatingSystem;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.Standard;

class EvaluatorTest {
  static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  final Standard std = Fixtures.defaultStandard();

  private Map<String, Finding> findings(Snapshot s, LocalDate day) {
    return Evaluator.evaluate("x", s, std, day).findings().stream()
        .collect(Collectors.toMap(f -> f.check().id(), Function.identity()));
  }

  @Test
  void compliantPcPassesEveryCheck() {
    MachineResult r = Evaluator.evaluate("c", Fixtures.snapshot(Fixtures.COMPLIANT), std, DAY);
    assertThat(r.verdict()).isEqualTo(State.PASS);
    assertThat(r.findings()).hasSize(std.checks().size()).allMatch(f -> f.state() == State.PASS);
    Finding ram = findings(Fixtures.snapshot(Fixtures.COMPLIANT), DAY).get("ram.min");
    assertThat(ram.measured()).isEqualTo(16.0);
    assertThat(ram.note()).isNull();
  }

  @Test
  void oldPcFailsWithShortfallsAndPrices() {
    Map<String, Finding> f = findings(Fixtures.snapshot(Fixtures.OLD), DAY);
    assertThat(f.get("ram.min").state()).isEqualTo(State.FAIL);
    assertThat(f.get("ram.min").measured()).isEqualTo(2.0);
    assertThat(f.get("ram.min").shortfall()).isEqualTo(6.0);
    assertThat(f.get("ram.min").shortfallUnit()).isEqualTo("GiB");
    assertThat(f.get("ram.min").unitCost()).isEqualTo(650_000L);
    assertThat(f.get("disk.ssd").state()).isEqualTo(State.FAIL);
    assertThat(f.get("disk.ssd").measured()).isEqualTo("HDD");
    assertThat(f.get("os.supported").state()).isEqualTo(State.FAIL);
    assertThat(f.get("os.supported").measured()).isEqualTo(LocalDate.of(2020, 1, 14));
    assertThat(f.get("os.supported").note().args()).containsExactly("Windows 7");
    assertThat(f.get("os.windows10plus").state()).isEqualTo(State.FAIL);
    assertThat(f.get("tpm.version").state()).isEqualTo(State.FAIL);
    assertThat(f.get("tpm.version").measured()).isEqualTo("none");
    assertThat(f.get("cpu.generation").state()).isEqualTo(State.FAIL);
    assertThat(f.get("cpu.generation").note().args()).containsExactly("Intel pre-Core i");
    assertThat(f.get("antivirus.active").measured()).isEqualTo(0.0);
    assertThat(f.get("cpu.cores.floor").state()).isEqualTo(State.PASS);
    assertThat(Evaluator.evaluate("o", Fixtures.snapshot(Fixtures.OLD), std, DAY).verdict())
        .isEqualTo(State.FAIL);
  }

  @Test
  void unknownDiskTypeIsUnknownWithTheAgentsReason() {
    MachineResult r = Evaluator.evaluate("u", Fixtures.snapshot(Fixtures.DISK_UNKNOWN), std, DAY);
    assertThat(r.verdict()).isEqualTo(State.UNKNOWN);
    Finding ssd = findings(Fixtures.snapshot(Fixtures.DISK_UNKNOWN), DAY).get("disk.ssd");
    assertThat(ssd.state()).isEqualTo(State.UNKNOWN);
    assertThat(ssd.reason().key()).isEqualTo("reason.diskTypeUnknown");
    assertThat(ssd.reason().args())
        .containsExactly("virtual disk: the hypervisor hides the medium");
  }

  @Test
  void missingSectionsAreUnknownAndFailedProbesExplainWhy() {
    Map<String, Finding> f = findings(Fixtures.snapshot(Fixtures.MISSING), DAY);
    assertThat(f.get("ram.min").state()).isEqualTo(State.UNKNOWN);
    assertThat(f.get("ram.min").reason().key()).isEqualTo("reason.probeFailed");
    assertThat(f.get("ram.min").reason().args())
        .containsExactly("memory", "WMI query timed out after 5 s");
    assertThat(f.get("firmware.uefi").reason())
        .isEqualTo(Message.of("reason.sectionMissing", "computerSystem"));
    assertThat(f.get("display.present").state()).isEqualTo(State.NOT_APPLICABLE);
    // Windows 10 22H2 Pro ended 2025-10-14: a real FAIL beside the unknowns.
    assertThat(f.get("os.supported").state()).isEqualTo(State.FAIL);
    assertThat(f.get("os.supported").shortfall()).isEqualTo(408.0);
  }

  @Test
  void verdictIsTheWorstFinding() {
    assertThat(State.PASS.worst(State.UNKNOWN)).isEqualTo(State.UNKNOWN);
    assertThat(State.UNKNOWN.worst(State.FAIL)).isEqualTo(State.FAIL);
    assertThat(State.FAIL.worst(State.PASS)).isEqualTo(State.FAIL);
    assertThat(State.NOT_APPLICABLE.worst(State.PASS)).isEqualTo(State.PASS);
  }

  @Test
  void endOfSupportDependsOnTheEvaluationDateAndEdition() {
    Snapshot s = withOs(Fixtures.snapshot(Fixtures.COMPLIANT), "26100.1742", "Professional");
    assertThat(findings(s, LocalDate.of(2026, 10, 12)).get("os.supported").state())
        .isEqualTo(State.PASS);
    // date after is strict: on the last day of support the OS already counts as unsupported.
    assertThat(findings(s, LocalDate.of(2026, 10, 13)).get("os.supported").state())
        .isEqualTo(State.FAIL);
    Snapshot ent = withOs(s, "26100.1742", "Enterprise");
    assertThat(findings(ent, LocalDate.of(2026, 10, 13)).get("os.supported").state())
        .isEqualTo(State.PASS);
    Snapshot noEdition = withOs(s, "26100.1742", null);
    Finding f = findings(noEdition, DAY).get("os.supported");
    assertThat(f.state()).isEqualTo(State.UNKNOWN);
    assertThat(f.reason().key()).isEqualTo("reason.osEditionUnknown");
    Snapshot unknownBuild = withOs(s, "99999", "Professional");
    assertThat(findings(unknownBuild, DAY).get("os.supported").reason().key())
        .isEqualTo("reason.osNotInLifecycle");
  }

  @Test
  void roleDecidesApplicabilityAndUnknownRoleIsUnknown() {
    Snapshot s = Fixtures.snapshot(Fixtures.COMPLIANT);
    Snapshot server = withRole(s, "server");
    assertThat(findings(server, DAY).values()).allMatch(f -> f.state() == State.NOT_APPLICABLE);
    assertThat(Evaluator.evaluate("s", server, std, DAY).verdict()).isEqualTo(State.NOT_APPLICABLE);
    Finding f = findings(withRole(s, null), DAY).get("ram.min");
    assertThat(f.state()).isEqualTo(State.UNKNOWN);
    assertThat(f.reason().key()).isEqualTo("reason.roleUnknown");
  }

  @Test
  void versionsCompareNumerically() {
    assertThat(Evaluator.compareVersions("2.0", "2")).isZero();
    assertThat(Evaluator.compareVersions("10.0.19045", "10.0.9600")).isPositive();
    assertThat(Evaluator.compareVersions("1.2", "2.0")).isNegative();
    assertThat(Evaluator.compareVersions("7601", "10240")).isNegative();
  }

  /** Versions are cut as the regular expression {@code [.\-_ ]} cuts them (edge cases too). */
  @Test
  void versionsAreCutAsTheSeparatorPatternCutsThem() {
    java.util.regex.Pattern parts = java.util.regex.Pattern.compile("[.\\-_ ]");
    java.util.Random random = new java.util.Random(7);
    String alphabet = ".-_ 019aB";
    for (int i = 0; i < 20_000; i++) {
      String a = randomText(random, alphabet);
      String b = randomText(random, alphabet);
      assertThat(Integer.signum(Evaluator.compareVersions(a, b)))
          .as("'%s' vs '%s'", a, b)
          .isEqualTo(Integer.signum(compareBySplit(parts, a, b)));
    }
    assertThat(Evaluator.compareVersions("..", "0")).isZero(); // nothing left: all zeros
    assertThat(Evaluator.compareVersions("", "0")).isNegative(); // the empty text itself
  }

  private static String randomText(java.util.Random random, String alphabet) {
    StringBuilder s = new StringBuilder();
    for (int n = random.nextInt(7); n > 0; n--) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** compareVersions as it was written with {@code Pattern.split}. */
  private static int compareBySplit(java.util.regex.Pattern parts, String a, String b) {
    String[] x = parts.split(a.trim());
    String[] y = parts.split(b.trim());
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "0";
      String q = i < y.length ? y[i] : "0";
      boolean numbers = p.matches("[0-9]{1,18}") && q.matches("[0-9]{1,18}");
      int c =
          numbers
              ? Long.compare(Long.parseLong(p), Long.parseLong(q))
              : p.toLowerCase(java.util.Locale.ROOT)
                  .compareTo(q.toLowerCase(java.util.Locale.ROOT));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Test
  void reportExitCodesFollowTheDocumentedOrder() {
    Snapshot ok = Fixtures.snapshot(Fixtures.COMPLIANT);
    Snapshot unknown = Fixtures.snapshot(Fixtures.DISK_UNKNOWN);
    Snapshot bad = Fixtures.snapshot(Fixtures.OLD);
    MachineResult a = Evaluator.evaluate("a", ok, std, DAY);
    MachineResult b = Evaluator.evaluate("b", unknown, std, DAY);
    MachineResult c = Evaluator.evaluate("c", bad, std, DAY);
    InputError err = new InputError("x.json", "1:1", Message.of("snapshot.error.empty"));
    assertThat(new CheckReport(std, DAY, List.of(a), List.of()).exitCode(false))
        .isEqualTo(ExitCode.OK);
    assertThat(new CheckReport(std, DAY, List.of(a, b), List.of()).exitCode(false))
        .isEqualTo(ExitCode.OK);
    assertThat(new CheckReport(std, DAY, List.of(a, b), List.of()).exitCode(true))
        .isEqualTo(ExitCode.DEFICIENCIES);
    assertThat(new CheckReport(std, DAY, List.of(a, c), List.of()).exitCode(false))
        .isEqualTo(ExitCode.DEFICIENCIES);
    assertThat(new CheckReport(std, DAY, List.of(c), List.of(err)).exitCode(false))
        .isEqualTo(ExitCode.INVALID_INPUT);
    // Sorted by unit code, then hostname, whatever the input order.
    assertThat(new CheckReport(std, DAY, List.of(c, b, a), List.of()).machines())
        .extracting(m -> m.snapshot().machine().hostname())
        .containsExactly("QN-TIEPDAN-02", "QN-VANTHU-01", "NC-KETOAN");
  }

  static Snapshot withOs(Snapshot s, String build, String edition) {
    OperatingSystem os =
        new OperatingSystem("Windows", "Microsoft Windows 11 Pro", "24H2", build, edition, 64);
    return new Snapshot(
        s.schemaVersion(),
        s.snapshotId(),
        s.takenAt(),
        s.agent(),
        s.unit(),
        s.machine(),
        s.computerSystem(),
        os,
        s.cpu(),
        s.memory(),
        s.storage(),
        s.peripherals(),
        s.antivirus(),
        s.lines(),
        s.diagnostics());
  }

  static Snapshot withRole(Snapshot s, String role) {
    Machine m =
        new Machine(
            s.machine().hostname(),
            s.machine().machineId(),
            s.machine().machineIdSource(),
            role,
            s.machine().tags());
    return new Snapshot(
        s.schemaVersion(),
        s.snapshotId(),
        s.takenAt(),
        s.agent(),
        s.unit(),
        m,
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

  @Test
  void snapshotsOlderThanTheStandardsFreshnessAreStale() {
    // old-pc.json was taken on 2026-11-18; the default standard's freshness is 35 days.
    Snapshot s = Fixtures.snapshot(Fixtures.OLD);
    MachineResult fresh = Evaluator.evaluate("o", s, std, LocalDate.of(2026, 12, 23));
    assertThat(fresh.ageDays()).isEqualTo(35);
    assertThat(fresh.stale()).isFalse();
    MachineResult stale = Evaluator.evaluate("o", s, std, LocalDate.of(2026, 12, 24));
    assertThat(stale.ageDays()).isEqualTo(36);
    assertThat(stale.stale()).isTrue();
    assertThat(
            new CheckReport(std, LocalDate.of(2026, 12, 24), List.of(stale, fresh), List.of())
                .staleCount())
        .isEqualTo(1);
  }
}
