package vn.hatang.core.report;

import java.time.LocalDate;
import java.util.List;
import vn.hatang.core.check.Message;
import vn.hatang.core.check.State;
import vn.hatang.core.standard.LocalizedText;

/**
 * A frozen period report: everything needed to render it again later, and to compare it with the
 * next period, without the snapshots (see {@code docs/reporting.md}). Plain data that round-trips
 * through JSON ({@link PeriodReportCodec}).
 *
 * @param format the report format version ({@link #FORMAT})
 * @param period the period ({@code 2026-11})
 * @param start its first day
 * @param end its last day, the day machines are judged on
 * @param standards the standard versions used, with their SHA-256 and how many machines each judged
 * @param unitStandard the version whose unit checks and freshness apply (the one in force at the
 *     period's end)
 * @param units every unit valid at the period's end, parents before children, with its own figures,
 *     the figures rolled up from its descendants, and its unit checks
 * @param machines every machine seen up to the period's end, from its latest snapshot
 * @param unresolved unit codes of snapshots that no unit matches (never dropped)
 * @param snapshots how many snapshots the report read (latest or not)
 * @param inputs the other files the report rests on (units, waivers, attestations), with their
 *     SHA-256
 */
public record PeriodReport(
    int format,
    String period,
    LocalDate start,
    LocalDate end,
    List<StandardUsed> standards,
    String unitStandard,
    List<UnitRow> units,
    List<MachineRow> machines,
    List<Unresolved> unresolved,
    long snapshots,
    List<InputFile> inputs) {

  /** The format version this build writes and reads. */
  public static final int FORMAT = 1;

  public PeriodReport {
    standards = List.copyOf(standards);
    units = List.copyOf(units);
    machines = List.copyOf(machines);
    unresolved = List.copyOf(unresolved);
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
  }

  /** The same report, recording the files it rests on. */
  public PeriodReport withInputs(List<InputFile> files) {
    return new PeriodReport(
        format,
        period,
        start,
        end,
        standards,
        unitStandard,
        units,
        machines,
        unresolved,
        snapshots,
        files);
  }

  /**
   * A file a report rests on.
   *
   * @param kind {@code units}, {@code waivers} or {@code attestations}
   * @param name as given on the command line
   * @param sha256 SHA-256 of its bytes, hex
   */
  public record InputFile(String kind, String name, String sha256) {}

  /**
   * A standard version used.
   *
   * @param ref {@code id@version}
   * @param sha256 SHA-256 of its file
   * @param machines machines judged by it
   */
  public record StandardUsed(String ref, String sha256, long machines) {}

  /**
   * Machine counts of a unit.
   *
   * @param expected machines the units file expects
   * @param seen machines seen (latest snapshot up to the period's end)
   * @param reporting seen with a fresh snapshot
   * @param stale seen, judged on a snapshot older than the freshness
   * @param missing seen before, silent in the period
   * @param neverSeen expected but never seen: {@code max(0, expected - seen)}
   * @param pass judged machines with verdict PASS
   * @param fail judged machines with verdict FAIL
   * @param unknown judged machines with verdict UNKNOWN
   * @param waived judged machines whose only failures are waived
   * @param compliant judged machines that comply (PASS or WAIVED)
   */
  public record Counts(
      int expected,
      int seen,
      int reporting,
      int stale,
      int missing,
      int neverSeen,
      int pass,
      int fail,
      int unknown,
      int waived,
      int compliant) {
    /** Nothing. */
    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The machines the compliance is counted against: the larger of expected and seen. */
    public int base() {
      return Math.max(expected, seen);
    }

    /** Compliant machines in per cent of {@link #base()}, or {@code null} when it is 0. */
    public Double compliantPercent() {
      return base() == 0 ? null : 100.0 * compliant / base();
    }

    /** Both added. */
    public Counts plus(Counts o) {
      return new Counts(
          expected + o.expected,
          seen + o.seen,
          reporting + o.reporting,
          stale + o.stale,
          missing + o.missing,
          neverSeen + o.neverSeen,
          pass + o.pass,
          fail + o.fail,
          unknown + o.unknown,
          waived + o.waived,
          compliant + o.compliant);
    }
  }

  /**
   * One unit.
   *
   * @param code code
   * @param name name
   * @param level level
   * @param parentCode parent's code, or {@code null}
   * @param depth 0 at the top
   * @param head plan owner, or {@code null}
   * @param own the unit's own machines
   * @param total its own and its descendants' machines
   * @param findings its unit checks
   */
  public record UnitRow(
      String code,
      String name,
      String level,
      String parentCode,
      int depth,
      String head,
      Counts own,
      Counts total,
      List<UnitResult> findings) {
    public UnitRow {
      findings = List.copyOf(findings);
    }
  }

  /**
   * A unit check's result, as data.
   *
   * @param checkId check id
   * @param title check title
   * @param severity severity, lower case
   * @param state result
   * @param measured the unit's figure in the check's unit (or a count, or per cent)
   * @param required the required figure in the same unit
   * @param unit the check's unit, or {@code null} for counts
   * @param shortfall how far from passing, same unit
   * @param quantity how many of the remediation action clear it
   * @param costKey the remediation's price key, or {@code null}
   * @param samples measurements behind a line figure
   * @param reason why UNKNOWN or NOT_APPLICABLE
   * @param note how the figure was made
   */
  public record UnitResult(
      String checkId,
      LocalizedText title,
      String severity,
      State state,
      Double measured,
      Double required,
      String unit,
      Double shortfall,
      int quantity,
      String costKey,
      Integer samples,
      Message reason,
      Message note) {}

  /**
   * A machine, from its latest snapshot up to the period's end.
   *
   * @param machineId id
   * @param hostname host name
   * @param role role
   * @param unitCode the unit it counts in (valid at the period's end), or the unresolved code
   * @param reportedUnit the unit code its snapshot gave
   * @param snapshotId the snapshot judged
   * @param takenAt when it was taken (ISO-8601 with offset)
   * @param status reporting, stale or missing
   * @param verdict verdict (of the latest snapshot, also for a missing machine: for history only)
   * @param standard the standard version that judged it ({@code id@version})
   * @param problems its findings that are not PASS or NOT_APPLICABLE
   */
  public record MachineRow(
      String machineId,
      String hostname,
      String role,
      String unitCode,
      String reportedUnit,
      String snapshotId,
      String takenAt,
      MachineStatus status,
      State verdict,
      String standard,
      List<Problem> problems) {
    public MachineRow {
      problems = List.copyOf(problems);
    }
  }

  /**
   * A finding of a machine that is not PASS or NOT_APPLICABLE.
   *
   * @param checkId check id
   * @param severity lower case
   * @param state FAIL, UNKNOWN or WAIVED
   * @param costKey remediation price key, or {@code null}
   * @param shortfall how far from passing
   * @param shortfallUnit its unit
   * @param measured the measured value as text
   * @param required the required value as text
   */
  public record Problem(
      String checkId,
      String severity,
      State state,
      String costKey,
      Double shortfall,
      String shortfallUnit,
      String measured,
      String required) {}

  /**
   * A unit code no unit of the units file matches.
   *
   * @param code the code as the snapshots gave it
   * @param reason why ({@code report.unresolved.unknown}, {@code report.unresolved.split})
   * @param machines machines reporting it
   */
  public record Unresolved(String code, Message reason, int machines) {}
}
