package vn.hatang.core.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import vn.hatang.core.check.Finding;
import vn.hatang.core.check.Message;
import vn.hatang.core.check.State;
import vn.hatang.core.report.PeriodReport.Counts;
import vn.hatang.core.report.PeriodReport.MachineRow;
import vn.hatang.core.report.PeriodReport.UnitRow;
import vn.hatang.core.snapshot.LineMeasurement;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.UnitCheck;
import vn.hatang.core.util.Memo;

/**
 * Builds a {@link PeriodReport} from snapshots streamed in one at a time, in any order: it keeps a
 * compact record of each machine's latest snapshot (not the snapshot), the period's line
 * measurements by unit, and the equipment the latest snapshots show. Memory grows with machines,
 * not with snapshots. Pure: no files, no clock.
 *
 * <p>{@link #accept} is not thread-safe; {@link #judgeAhead} is, so that snapshots can be judged on
 * the threads that parse them and handed to {@code accept} with their judgement, in order.
 */
public final class ReportBuilder {
  /** A unit's attested count of an item as of a day, if any (see {@code docs/attestations.md}). */
  public interface Attested {
    OptionalInt count(String unitCode, String item, LocalDate asOf);

    /** Nothing attested. */
    Attested NONE = (unit, item, day) -> OptionalInt.empty();
  }

  /**
   * How a snapshot is judged: the standard for a day (the version in force on it, or one forced for
   * all), and the evaluation of a snapshot by it on the period's last day.
   */
  public interface Judge {
    Standard standardFor(LocalDate day);

    List<Finding> findings(Snapshot snapshot, Standard standard, LocalDate evaluationDate);
  }

  private record Resolved(String code, Message unresolved) {}

  /** What the report keeps of a machine's latest snapshot. */
  private record Seen(
      String machineId,
      String hostname,
      String role,
      String snapshotId,
      java.time.OffsetDateTime takenAt) {
    static Seen of(Snapshot s) {
      return new Seen(
          s.machine().machineId(),
          s.machine().hostname(),
          s.machine().role(),
          s.snapshotId().toString(),
          s.takenAt());
    }
  }

  private record Latest(
      Seen summary, String unitCode, String reportedUnit, Message unresolved, Judged judged) {}

  /**
   * A snapshot's judgement: the standard it was judged by, its verdict, its problems (what is not
   * PASS or NOT_APPLICABLE) and the equipment it shows. Made by {@link #judgeAhead} or by {@link
   * #accept} itself.
   */
  public static final class Judged {
    private final Standard standard;
    private final State verdict;
    private final List<PeriodReport.Problem> problems;
    private final Map<String, Set<String>> equipment;

    private Judged(
        Standard standard,
        State verdict,
        List<PeriodReport.Problem> problems,
        Map<String, Set<String>> equipment) {
      this.standard = standard;
      this.verdict = verdict;
      this.problems = problems;
      this.equipment = equipment;
    }
  }

  /** When a snapshot of a machine was taken, to tell the newer of two. */
  private record Stamp(java.time.Instant takenAt, String snapshotId) {
    static Stamp of(Snapshot s) {
      return new Stamp(s.takenAt().toInstant(), s.snapshotId().toString());
    }

    boolean before(Stamp other) {
      int c = takenAt.compareTo(other.takenAt);
      return c < 0 || (c == 0 && snapshotId.compareTo(other.snapshotId) < 0);
    }
  }

  private final Period period;
  private final Judge judge;
  private final UnitDirectory units;
  private final Attested attested;
  private final EquipmentCounter equipment;
  private final Map<String, Latest> latest = new HashMap<>();
  private final Map<String, UnitFacts> facts = new HashMap<>();
  private final Map<String, Resolved> resolvedCache = new HashMap<>();
  private final Map<String, UnitDirectory.Node> seenUnits = new TreeMap<>();

  /** The newest snapshot of each machine judged ahead so far (any thread). */
  private final Map<String, Stamp> newestAhead = new ConcurrentHashMap<>();

  private long snapshots;
  private long afterPeriod;

  public ReportBuilder(
      Period period,
      Judge judge,
      UnitDirectory units,
      Attested attested,
      EquipmentCounter equipment) {
    this.period = Objects.requireNonNull(period);
    this.judge = Objects.requireNonNull(judge);
    this.units = Objects.requireNonNull(units);
    this.attested = Objects.requireNonNull(attested);
    this.equipment = Objects.requireNonNull(equipment);
  }

  /** Snapshots dated after the period, left out (a notice for the user). */
  public long afterPeriod() {
    return afterPeriod;
  }

  /**
   * Judges a snapshot ahead of {@link #accept}, on any thread, when it may be its machine's latest:
   * newer than every snapshot of the machine judged ahead so far and not after the period. Returns
   * {@code null} otherwise (a snapshot older than one already judged is never the latest, so is
   * never judged). Judging is pure: {@code accept} gets the same judgement as it would make.
   */
  public Judged judgeAhead(Snapshot s) {
    LocalDate day = s.takenAt().toLocalDate();
    if (day.isAfter(period.end())) {
      return null;
    }
    Stamp stamp = Stamp.of(s);
    boolean[] newest = {false};
    newestAhead.compute(
        s.machine().machineId(),
        (id, prev) -> {
          if (prev == null || prev.before(stamp)) {
            newest[0] = true;
            return stamp;
          }
          return prev;
        });
    return newest[0] ? judgeNow(s, judge.standardFor(day)) : null;
  }

  /** Takes one snapshot into account. */
  public void accept(Snapshot s) {
    accept(s, null);
  }

  /**
   * Takes one snapshot into account, with its judgement made ahead by {@link #judgeAhead} (or
   * {@code null}: it is judged here if it needs to be).
   */
  public void accept(Snapshot s, Judged ahead) {
    LocalDate day = s.takenAt().toLocalDate();
    if (day.isAfter(period.end())) {
      afterPeriod++;
      return;
    }
    snapshots++;
    String reported = s.unit() == null ? null : s.unit().code();
    Resolved unit = resolve(s, reported, day);
    if (period.contains(day) && s.lines() != null) {
      UnitFacts f = facts.computeIfAbsent(unit.code(), k -> new UnitFacts());
      for (LineMeasurement m : s.lines()) {
        f.line(m);
      }
    }
    String id = s.machine().machineId();
    Latest prev = latest.get(id);
    if (prev != null && !newer(s, prev.summary())) {
      return;
    }
    Standard standard = judge.standardFor(day);
    Judged judged = ahead != null && ahead.standard == standard ? ahead : judgeNow(s, standard);
    latest.put(id, new Latest(Seen.of(s), unit.code(), reported, unit.unresolved(), judged));
  }

  /** Judges a snapshot by a standard on the period's last day (pure; any thread). */
  private Judged judgeNow(Snapshot s, Standard standard) {
    // A line the standard judges per unit is the unit's: one PC's own test of it does not decide
    // that PC's verdict in a report.
    Set<String> perUnit = new java.util.HashSet<>();
    for (UnitCheck c : standard.unitChecks()) {
      if (c.lineName() != null) {
        perUnit.add(c.lineName());
      }
    }
    State verdict = State.NOT_APPLICABLE;
    List<PeriodReport.Problem> problems = new ArrayList<>();
    for (Finding f : judge.findings(s, standard, period.end())) {
      if (f.check().lineName() != null && perUnit.contains(f.check().lineName())) {
        continue;
      }
      verdict = verdict.worst(f.state());
      if (f.state() != State.PASS && f.state() != State.NOT_APPLICABLE) {
        problems.add(
            new PeriodReport.Problem(
                f.check().id(),
                SEVERITIES[f.check().severity().ordinal()],
                f.state(),
                f.check().remediation() == null ? null : f.check().remediation().costKey(),
                f.shortfall(),
                f.shortfallUnit(),
                text(f.measured()),
                text(f.required())));
      }
    }
    return new Judged(standard, verdict, problems, equipment.pieces(s));
  }

  /** Severities as the report writes them, one string each. */
  private static final String[] SEVERITIES =
      java.util.Arrays.stream(vn.hatang.core.standard.Severity.values())
          .map(v -> v.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

  /**
   * A value's text, one string per value (text, number, yes/no) for the run: a report holds every
   * machine's problems until it is built, most with the same requirement and many with the same
   * measured value.
   */
  private String text(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
      return String.valueOf(value); // a list or other value: not kept as a key
    }
    return texts.get(value);
  }

  private final Memo<Object, String> texts =
      new Memo<>(String::valueOf, 8192, v -> v instanceof String t ? t.length() : 0, 256);

  private static boolean newer(Snapshot s, Seen than) {
    int c = s.takenAt().toInstant().compareTo(than.takenAt().toInstant());
    return c > 0 || (c == 0 && s.snapshotId().toString().compareTo(than.snapshotId()) > 0);
  }

  private Resolved resolve(Snapshot s, String code, LocalDate day) {
    if (code == null) {
      return new Resolved("", Message.of("report.unresolved.none"));
    }
    if (units == UnitDirectory.NONE) {
      // No units file: the snapshot's own unit is the unit.
      seenUnits.computeIfAbsent(
          code,
          c ->
              new UnitDirectory.Node(c, s.unit().name(), s.unit().level(), null, null, null, null));
      return new Resolved(code, null);
    }
    return resolvedCache.computeIfAbsent(code + "\u0000" + day, k -> lookUp(code, day));
  }

  private Resolved lookUp(String code, LocalDate day) {
    LocalDate end = period.end();
    Optional<UnitDirectory.Node> then = units.resolve(code, day);
    if (then.isPresent()) {
      Optional<UnitDirectory.Node> now = units.resolve(code, end);
      if (now.isPresent() && sameUnit(then.get(), now.get())) {
        return new Resolved(code, null);
      }
      return units
          .successorOn(code, day, end)
          .map(n -> new Resolved(n.code(), null))
          .orElseGet(() -> new Resolved(code, Message.of("report.unresolved.noSuccessor", day)));
    }
    // A code not valid on the snapshot's day (an agent configured ahead of a reorganisation).
    return units
        .resolve(code, end)
        .map(n -> new Resolved(n.code(), null))
        .orElseGet(() -> new Resolved(code, Message.of("report.unresolved.unknown")));
  }

  private static boolean sameUnit(UnitDirectory.Node a, UnitDirectory.Node b) {
    return a.equals(b);
  }

  /** The report of everything accepted. */
  public PeriodReport build() {
    Standard atEnd = judge.standardFor(period.end());
    Map<String, List<MachineRow>> byUnit = new HashMap<>();
    List<MachineRow> machines = new ArrayList<>();
    Map<String, long[]> standardsUsed = new TreeMap<>();
    Map<String, String> shas = new HashMap<>();
    Map<String, int[]> unresolved = new TreeMap<>();
    Map<String, Message> unresolvedWhy = new HashMap<>();
    for (Latest l : latest.values()) {
      MachineStatus status =
          MachineStatus.of(l.summary().takenAt().toLocalDate(), period, atEnd.freshnessDays());
      MachineRow row =
          new MachineRow(
              l.summary().machineId(),
              l.summary().hostname(),
              l.summary().role(),
              l.unitCode(),
              l.reportedUnit(),
              l.summary().snapshotId(),
              l.summary().takenAt().toString(),
              status,
              l.judged().verdict,
              l.judged().standard.ref(),
              l.judged().problems);
      machines.add(row);
      Standard used = l.judged().standard;
      standardsUsed.computeIfAbsent(used.ref(), k -> new long[1])[0]++;
      shas.put(used.ref(), used.sha256());
      if (l.unresolved() != null) {
        unresolved.computeIfAbsent(l.unitCode(), k -> new int[1])[0]++;
        unresolvedWhy.putIfAbsent(l.unitCode(), l.unresolved());
        continue;
      }
      byUnit.computeIfAbsent(l.unitCode(), k -> new ArrayList<>()).add(row);
      if (status != MachineStatus.MISSING) {
        facts.computeIfAbsent(l.unitCode(), k -> new UnitFacts()).equipment(l.judged().equipment);
      }
    }
    machines.sort(
        Comparator.comparing(MachineRow::unitCode)
            .thenComparing(m -> m.hostname() == null ? "" : m.hostname())
            .thenComparing(MachineRow::machineId));

    List<UnitDirectory.Node> nodes =
        units == UnitDirectory.NONE ? List.copyOf(seenUnits.values()) : units.validOn(period.end());
    Map<String, UnitDirectory.Node> byCode = new LinkedHashMap<>();
    nodes.stream()
        .sorted(Comparator.comparing(UnitDirectory.Node::code))
        .forEach(n -> byCode.put(n.code(), n));
    Map<String, List<String>> children = new TreeMap<>();
    List<String> roots = new ArrayList<>();
    for (UnitDirectory.Node n : byCode.values()) {
      if (n.parentCode() != null && byCode.containsKey(n.parentCode())) {
        children.computeIfAbsent(n.parentCode(), k -> new ArrayList<>()).add(n.code());
      } else {
        roots.add(n.code());
      }
    }
    List<UnitRow> rows = new ArrayList<>();
    for (String root : roots) {
      addTree(root, 0, byCode, children, byUnit, atEnd, rows);
    }
    List<PeriodReport.Unresolved> unresolvedRows = new ArrayList<>();
    unresolved.forEach(
        (code, n) ->
            unresolvedRows.add(new PeriodReport.Unresolved(code, unresolvedWhy.get(code), n[0])));
    List<PeriodReport.StandardUsed> used = new ArrayList<>();
    standardsUsed.forEach(
        (ref, n) -> used.add(new PeriodReport.StandardUsed(ref, shas.get(ref), n[0])));
    return new PeriodReport(
        PeriodReport.FORMAT,
        period.label(),
        period.start(),
        period.end(),
        used,
        atEnd.ref(),
        rows,
        machines,
        unresolvedRows,
        snapshots,
        List.of());
  }

  /** Adds a unit and its descendants (depth first) to {@code rows}; returns its total counts. */
  private Counts addTree(
      String code,
      int depth,
      Map<String, UnitDirectory.Node> byCode,
      Map<String, List<String>> children,
      Map<String, List<MachineRow>> byUnit,
      Standard atEnd,
      List<UnitRow> rows) {
    UnitDirectory.Node n = byCode.get(code);
    List<MachineRow> own = byUnit.getOrDefault(code, List.of());
    Counts ownCounts = counts(n.expectedMachines(), own);
    UnitFacts f = facts.computeIfAbsent(code, k -> new UnitFacts());
    for (MachineRow m : own) {
      f.machine(
          new UnitFacts.MachineFact(
              m.machineId(),
              m.hostname(),
              m.role(),
              m.status(),
              m.status() == MachineStatus.MISSING ? null : m.verdict()));
    }
    UnitEvaluator.UnitInfo info =
        new UnitEvaluator.UnitInfo(code, n.level(), n.expectedStaff(), n.expectedMachines());
    Function<String, OptionalInt> att = item -> attested.count(code, item, period.end());
    List<PeriodReport.UnitResult> results = new ArrayList<>();
    for (UnitCheck c : atEnd.unitChecks()) {
      results.add(result(UnitEvaluator.evaluate(c, info, f, att)));
    }
    int index = rows.size();
    rows.add(null); // the unit goes before its children; its total is known after them
    Counts total = ownCounts;
    for (String child : children.getOrDefault(code, List.of())) {
      total = total.plus(addTree(child, depth + 1, byCode, children, byUnit, atEnd, rows));
    }
    rows.set(
        index,
        new UnitRow(
            code, n.name(), n.level(), n.parentCode(), depth, n.head(), ownCounts, total, results));
    return total;
  }

  private static Counts counts(Integer expectedMachines, List<MachineRow> machines) {
    int expected = expectedMachines == null ? 0 : expectedMachines;
    int reporting = 0;
    int stale = 0;
    int missing = 0;
    int pass = 0;
    int fail = 0;
    int unknown = 0;
    int waived = 0;
    int compliant = 0;
    for (MachineRow m : machines) {
      switch (m.status()) {
        case REPORTING -> reporting++;
        case STALE -> stale++;
        case MISSING -> missing++;
      }
      if (m.status() == MachineStatus.MISSING) {
        continue;
      }
      State v = m.verdict();
      if (v == State.PASS) {
        pass++;
      } else if (v == State.FAIL) {
        fail++;
      } else if (v == State.UNKNOWN) {
        unknown++;
      } else if (v == State.WAIVED) {
        waived++;
      }
      if (UnitEvaluator.compliant(v)) {
        compliant++;
      }
    }
    int seen = machines.size();
    return new Counts(
        expected,
        seen,
        reporting,
        stale,
        missing,
        Math.max(0, expected - seen),
        pass,
        fail,
        unknown,
        waived,
        compliant);
  }

  private static PeriodReport.UnitResult result(UnitFinding f) {
    UnitCheck c = f.check();
    vn.hatang.core.standard.Unit unit =
        c.unit() == null ? null : vn.hatang.core.standard.Unit.parse(c.unit()).orElseThrow();
    Function<Double, Double> shown =
        v -> v == null || unit == null ? v : Double.valueOf(unit.fromBase(v));
    return new PeriodReport.UnitResult(
        c.id(),
        c.title(),
        c.severity().name().toLowerCase(Locale.ROOT),
        f.state(),
        shown.apply(f.measured()),
        shown.apply(f.required()),
        c.unit(),
        shown.apply(f.shortfall()),
        f.quantity(),
        c.remediation() == null ? null : c.remediation().costKey(),
        f.samples(),
        f.reason(),
        f.note());
  }
}
