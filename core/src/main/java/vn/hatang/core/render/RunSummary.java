package vn.hatang.core.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hatang.core.ExitCode;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.check.Finding;
import vn.hatang.core.check.InputError;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.check.State;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.waiver.Waiver;

/**
 * What the head and tail of a check run's output need from all of its machines: counts, flags and
 * each machine's row of the table, without the machines' findings. Made from a whole {@link
 * CheckReport}, or machine by machine with a {@link Builder} while the findings go elsewhere.
 * Immutable.
 *
 * @param standard the standard used
 * @param evaluationDate the day judged on
 * @param machines machines judged
 * @param verdicts machines by verdict, every state present
 * @param stale snapshots older than the standard's freshness
 * @param expiredWaiverFindings findings that failed again because their waiver had expired
 * @param waivers whether any finding had a waiver (applied or expired)
 * @param expiredWaivers the expired waivers with how many findings fail again, in report order
 * @param errors inputs that could not be judged, in input order
 * @param rows each machine's row of the table, in report order (empty for other formats)
 */
public record RunSummary(
    Standard standard,
    LocalDate evaluationDate,
    long machines,
    Map<State, Long> verdicts,
    long stale,
    long expiredWaiverFindings,
    boolean waivers,
    Map<Waiver, Long> expiredWaivers,
    List<InputError> errors,
    List<Row> rows) {

  /** A machine's row of the table, and its verdict (colours). */
  public record Row(String[] cells, State verdict) {}

  public RunSummary {
    verdicts = Collections.unmodifiableMap(new EnumMap<>(verdicts));
    expiredWaivers = Collections.unmodifiableMap(new LinkedHashMap<>(expiredWaivers));
    errors = List.copyOf(errors);
    rows = Collections.unmodifiableList(new ArrayList<>(rows));
  }

  /** Machines with this verdict. */
  public long count(State verdict) {
    return verdicts.get(verdict);
  }

  /** The run's exit code, as {@link CheckReport#exitCode} gives it. */
  public ExitCode exitCode(boolean strict) {
    return CheckReport.exitCode(count(State.FAIL), count(State.UNKNOWN), errors.size(), strict);
  }

  /** The summary of a whole report, with the rows {@code renderer} makes of its machines. */
  public static RunSummary of(CheckReport report, PartRenderer renderer, Formats f) {
    Builder b = new Builder();
    for (MachineResult r : report.machines()) {
      b.add(r, renderer.row(r, f));
    }
    return b.build(report.standard(), report.evaluationDate(), report.errors());
  }

  /**
   * Gathers a summary machine by machine, in report order. Not thread-safe: the run adds from one
   * thread.
   */
  public static final class Builder {
    private long machines;
    private final Map<State, Long> verdicts = new EnumMap<>(State.class);
    private long stale;
    private long expiredWaiverFindings;
    private boolean waivers;
    private final Map<Waiver, Long> expiredWaivers = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();

    public Builder() {
      for (State s : State.values()) {
        verdicts.put(s, 0L);
      }
    }

    /**
     * Adds the next machine in report order.
     *
     * @param row its row of the table, or {@code null} when the format has none
     */
    public Builder add(MachineResult r, String[] row) {
      return add(r.verdict(), r.stale(), r.findings(), row);
    }

    /**
     * Adds the next machine in report order from what the summary reads of it.
     *
     * @param findings its findings, or at least those with a waiver
     * @param row its row of the table, or {@code null} when the format has none
     */
    public Builder add(State verdict, boolean stale, List<Finding> findings, String[] row) {
      machines++;
      verdicts.merge(verdict, 1L, Long::sum);
      if (stale) {
        this.stale++;
      }
      for (Finding x : findings) {
        if (x.waiver() != null) {
          waivers = true;
        }
        if (x.waiverExpired()) {
          expiredWaiverFindings++;
          expiredWaivers.merge(x.waiver(), 1L, Long::sum);
        }
      }
      if (row != null) {
        rows.add(new Row(row, verdict));
      }
      return this;
    }

    public RunSummary build(Standard standard, LocalDate date, List<InputError> errors) {
      return new RunSummary(
          standard,
          date,
          machines,
          verdicts,
          stale,
          expiredWaiverFindings,
          waivers,
          expiredWaivers,
          errors,
          rows);
    }
  }
}
