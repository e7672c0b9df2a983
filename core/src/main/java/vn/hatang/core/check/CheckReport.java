package vn.hatang.core.check;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.hatang.core.ExitCode;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.waiver.Waiver;

/**
 * The result of one run: every machine judged (sorted by unit code, hostname, source, so outputs
 * are deterministic) and every input that could not be read. Immutable.
 *
 * @param standard the standard used (id, version, SHA-256 travel with it)
 * @param evaluationDate the day judged on
 * @param machines results, sorted
 * @param errors inputs that could not be judged, in input order
 */
public record CheckReport(
    Standard standard,
    LocalDate evaluationDate,
    List<MachineResult> machines,
    List<InputError> errors) {

  /** The report's order of machines: unit code, hostname, source ({@code null} as empty). */
  public static final Comparator<MachineResult> ORDER =
      Comparator.comparing(CheckReport::unitKey)
          .thenComparing(CheckReport::hostnameKey)
          .thenComparing(MachineResult::source);

  /** The unit code {@link #ORDER} sorts by: empty when there is none. */
  public static String unitKey(MachineResult m) {
    return m.snapshot().unit() == null ? "" : nullToEmpty(m.snapshot().unit().code());
  }

  /** The hostname {@link #ORDER} sorts by: empty when there is none. */
  public static String hostnameKey(MachineResult m) {
    return nullToEmpty(m.snapshot().machine().hostname());
  }

  public CheckReport {
    Objects.requireNonNull(standard);
    Objects.requireNonNull(evaluationDate);
    machines = machines.stream().sorted(ORDER).toList();
    errors = List.copyOf(errors);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** How many snapshots are older than the standard's freshness. */
  public long staleCount() {
    return machines.stream().filter(MachineResult::stale).count();
  }

  /** How many findings failed again because their waiver had expired. */
  public long expiredWaiverCount() {
    return machines.stream()
        .flatMap(m -> m.findings().stream())
        .filter(Finding::waiverExpired)
        .count();
  }

  /**
   * The waivers that have expired for findings of this run, each with how many findings fail again
   * because of it, in report order.
   */
  public Map<Waiver, Long> expiredWaivers() {
    Map<Waiver, Long> out = new LinkedHashMap<>();
    for (MachineResult m : machines) {
      for (Finding f : m.findings()) {
        if (f.waiverExpired()) {
          out.merge(f.waiver(), 1L, Long::sum);
        }
      }
    }
    return out;
  }

  /** How many machines have this verdict. */
  public long count(State verdict) {
    return machines.stream().filter(m -> m.verdict() == verdict).count();
  }

  /**
   * The run's exit code: 3 when any input was invalid, else 1 when any machine fails (or, with
   * {@code strict}, is UNKNOWN), else 0. A WAIVED verdict is not a failure, even with {@code
   * strict}.
   */
  public ExitCode exitCode(boolean strict) {
    return exitCode(count(State.FAIL), count(State.UNKNOWN), errors.size(), strict);
  }

  /**
   * {@link #exitCode(boolean)} from a run's counts: machines failing, machines UNKNOWN, inputs
   * invalid.
   */
  public static ExitCode exitCode(long fail, long unknown, int invalid, boolean strict) {
    ExitCode code = ExitCode.OK;
    if (fail > 0 || (strict && unknown > 0)) {
      code = code.max(ExitCode.DEFICIENCIES);
    }
    if (invalid > 0) {
      code = code.max(ExitCode.INVALID_INPUT);
    }
    return code;
  }
}
