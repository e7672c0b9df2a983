package vn.hatang.core.doc;

import static vn.hatang.core.doc.Doc.row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.check.Finding;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.check.State;
import vn.hatang.core.doc.Doc.Column;
import vn.hatang.core.doc.Doc.Kind;
import vn.hatang.core.doc.Doc.Table;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.plan.Plan;
import vn.hatang.core.render.Formats;
import vn.hatang.core.report.PeriodReport;
import vn.hatang.core.report.PeriodReport.Counts;
import vn.hatang.core.report.PeriodReport.UnitRow;
import vn.hatang.core.report.ReportTable;
import vn.hatang.core.score.Scores;
import vn.hatang.core.standard.Standard;

/**
 * The {@link Doc} of each result hatang renders — a check run, a period report, a plan, scores —
 * with the same content as its terminal table, in the reader's language.
 */
public final class Docs {
  /** Bars drawn at most in one chart: a long table is charted by its lowest (or highest) rows. */
  static final int CHART_ROWS = 40;

  private Docs() {}

  // --- check ------------------------------------------------------------------------------------

  /** A check run: its machines, their deficiencies, and the deficiencies by check. */
  public static Doc check(CheckReport report, Formats f) {
    Messages m = f.messages();
    Standard std = report.standard();
    String currency = std.reference().prices() == null ? null : std.reference().prices().currency();
    List<String> about =
        List.of(
            m.get(
                "table.standard",
                std.id(),
                std.version(),
                std.title() == null ? "" : std.title().in(m.locale()),
                std.sha256().substring(0, 12)),
            m.get("table.evaluated", f.date(report.evaluationDate())),
            m.get(
                "table.summary",
                report.machines().size(),
                report.count(State.PASS) + report.count(State.NOT_APPLICABLE),
                report.count(State.FAIL),
                report.count(State.UNKNOWN),
                report.errors().size(),
                report.staleCount(),
                std.freshnessDays()));
    List<List<Object>> machines = new ArrayList<>();
    List<List<Object>> problems = new ArrayList<>();
    Map<String, long[]> byCheck = new TreeMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    for (MachineResult r : report.machines()) {
      String unit = r.snapshot().unit() == null ? null : r.snapshot().unit().code();
      String host = r.snapshot().machine().hostname();
      machines.add(
          row(
              unit,
              host,
              r.snapshot().machine().machineId(),
              r.verdict(),
              r.count(State.PASS),
              r.count(State.FAIL),
              r.count(State.WAIVED),
              r.count(State.UNKNOWN),
              r.ageDays(),
              r.snapshot().takenAt().toLocalDate()));
      for (Finding x : r.findings()) {
        String title =
            x.check().title() == null ? x.check().id() : x.check().title().in(m.locale());
        titles.putIfAbsent(x.check().id(), title);
        long[] n = byCheck.computeIfAbsent(x.check().id(), k -> new long[3]);
        if (x.state() == State.FAIL) {
          n[0]++;
        } else if (x.state() == State.UNKNOWN) {
          n[1]++;
        } else if (x.state() == State.WAIVED) {
          n[2]++;
        }
        if (x.state() != State.FAIL && x.state() != State.UNKNOWN && x.state() != State.WAIVED) {
          continue;
        }
        problems.add(
            row(
                unit,
                host,
                title,
                x.state(),
                f.measured(x),
                f.required(x.check(), x.required()),
                f.reasonOrShortfall(x),
                x.state() == State.UNKNOWN ? "" : f.remediation(x, currency)));
      }
    }
    Table machineTable =
        Table.of(
            m.get("doc.sheet.machines"),
            m.get("doc.check.machines"),
            List.of(
                new Column(m.get("col.unit"), Kind.TEXT),
                new Column(m.get("col.hostname"), Kind.TEXT),
                new Column(m.get("col.machineId"), Kind.TEXT),
                new Column(m.get("col.verdict"), Kind.STATE),
                new Column(m.get("col.pass"), Kind.INTEGER),
                new Column(m.get("col.fail"), Kind.INTEGER),
                new Column(m.get("col.waived"), Kind.INTEGER),
                new Column(m.get("col.unknown"), Kind.INTEGER),
                new Column(m.get("col.age"), Kind.INTEGER),
                new Column(m.get("col.takenAt"), Kind.DATE)),
            machines);
    Table problemTable =
        Table.of(
            m.get("doc.sheet.deficiencies"),
            m.get("doc.check.deficiencies"),
            List.of(
                new Column(m.get("col.unit"), Kind.TEXT),
                new Column(m.get("col.hostname"), Kind.TEXT),
                new Column(m.get("col.check"), Kind.TEXT),
                new Column(m.get("col.state"), Kind.STATE),
                new Column(m.get("col.measured"), Kind.TEXT),
                new Column(m.get("col.required"), Kind.TEXT),
                new Column(m.get("col.shortfall"), Kind.TEXT),
                new Column(m.get("col.remediation"), Kind.TEXT)),
            problems);
    List<Table> tables = new ArrayList<>();
    tables.add(byCheck(m, byCheck, titles));
    tables.add(machineTable);
    tables.add(problemTable);
    return Doc.of(m.get("doc.check.title"), about, currency, tables);
  }

  /** Deficiencies by check: machines failing, unknown and waived, most failures first, charted. */
  private static Table byCheck(
      Messages m, Map<String, long[]> byCheck, Map<String, String> titles) {
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>(byCheck.entrySet());
    sorted.removeIf(e -> e.getValue()[0] + e.getValue()[1] + e.getValue()[2] == 0);
    sorted.sort(
        Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
            .thenComparing(Map.Entry::getKey));
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, long[]> e : sorted) {
      rows.add(
          row(
              e.getKey(),
              titles.get(e.getKey()),
              e.getValue()[0],
              e.getValue()[1],
              e.getValue()[2]));
    }
    Table t =
        Table.of(
            m.get("doc.sheet.byCheck"),
            m.get("doc.byCheck"),
            List.of(
                new Column(m.get("col.checkId"), Kind.TEXT),
                new Column(m.get("col.check"), Kind.TEXT),
                new Column(m.get("col.fail"), Kind.INTEGER),
                new Column(m.get("col.unknown"), Kind.INTEGER),
                new Column(m.get("col.waived"), Kind.INTEGER)),
            rows);
    // Charted: the checks that some machine fails (most first), at most CHART_ROWS.
    List<Integer> charted =
        IntStream.range(0, rows.size())
            .filter(i -> (Long) rows.get(i).get(2) > 0)
            .limit(CHART_ROWS)
            .boxed()
            .toList();
    return t.withChart(
        new Doc.Chart(
            rows.size() > CHART_ROWS
                ? m.get("doc.chart.byCheckTop", CHART_ROWS)
                : m.get("doc.chart.byCheck"),
            1,
            2,
            null,
            charted));
  }

  // --- report -----------------------------------------------------------------------------------

  /**
   * A period report: a sheet of units per level (rolled-up counts and compliance, charted), the
   * unit checks not met, deficiencies by check, the machines, and the unit codes that matched no
   * unit.
   *
   * @param levels the unit levels to show (empty = all)
   * @param previous earlier reports, for the trend of compliance over periods (may be empty)
   */
  public static Doc report(
      PeriodReport r, Set<String> levels, List<PeriodReport> previous, Formats f) {
    return report(r, levels, previous, Map.of(), f);
  }

  /**
   * A period report, its checks named by {@code titles} (check id → title in the reader's language,
   * from the standards the report used; a check without one is named by its id).
   */
  public static Doc report(
      PeriodReport r,
      Set<String> levels,
      List<PeriodReport> previous,
      Map<String, String> titles,
      Formats f) {
    Messages m = f.messages();
    List<String> about = new ArrayList<>();
    for (PeriodReport.StandardUsed s : r.standards()) {
      about.add(
          m.get(
              "report.standardUsed",
              s.ref(),
              s.machines(),
              s.sha256() == null
                  ? "?"
                  : s.sha256().substring(0, Math.min(12, s.sha256().length()))));
    }
    about.add(m.get("report.unitStandard", r.unitStandard()));
    about.add(ReportTable.summary(r, f));

    List<Table> tables = new ArrayList<>();
    Map<String, List<UnitRow>> byLevel = new LinkedHashMap<>();
    for (UnitRow u : r.units()) {
      if (levels.isEmpty() || levels.contains(u.level())) {
        byLevel.computeIfAbsent(u.level(), k -> new ArrayList<>()).add(u);
      }
    }
    for (Map.Entry<String, List<UnitRow>> e : byLevel.entrySet()) {
      tables.add(levelTable(m, e.getKey(), e.getValue()));
    }
    Table unitFindings = unitFindings(m, f, r, levels);
    if (!unitFindings.rows().isEmpty()) {
      tables.add(unitFindings);
    }
    tables.add(reportByCheck(m, r, titles));
    tables.add(reportMachines(m, r));
    if (!r.unresolved().isEmpty()) {
      List<List<Object>> rows = new ArrayList<>();
      for (PeriodReport.Unresolved x : r.unresolved()) {
        rows.add(row(x.code(), (long) x.machines(), f.message(x.reason())));
      }
      tables.add(
          Table.of(
              m.get("doc.sheet.unresolved"),
              m.get("report.unresolvedTitle"),
              List.of(
                  new Column(m.get("col.code"), Kind.TEXT),
                  new Column(m.get("col.machines"), Kind.INTEGER),
                  new Column(m.get("col.reason"), Kind.TEXT)),
              rows));
    }
    Doc doc =
        Doc.of(
            m.get("report.title", r.period(), f.date(r.start()), f.date(r.end())),
            about,
            null,
            tables);
    if (previous.isEmpty()) {
      return doc;
    }
    List<PeriodReport> series = new ArrayList<>(previous);
    series.add(r);
    series.sort(Comparator.comparing(PeriodReport::start));
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (PeriodReport p : series) {
      labels.add(p.period());
      values.add(ReportTable.overall(p).compliantPercent());
    }
    return doc.withTrend(new Doc.Trend(m.get("doc.trend"), labels, values, 100));
  }

  private static Table levelTable(Messages m, String level, List<UnitRow> units) {
    List<List<Object>> rows = new ArrayList<>();
    Counts sum = Counts.ZERO;
    for (UnitRow u : units) {
      Counts c = u.total();
      sum = sum.plus(c);
      rows.add(
          row(
              u.code(),
              u.name(),
              u.parentCode(),
              u.head(),
              (long) c.expected(),
              (long) c.seen(),
              (long) c.reporting(),
              (long) c.stale(),
              (long) c.missing(),
              (long) c.neverSeen(),
              (long) c.pass(),
              (long) c.fail(),
              (long) c.unknown(),
              (long) c.waived(),
              (long) c.compliant(),
              c.compliantPercent()));
    }
    Table t =
        Table.of(
            level,
            m.get("doc.report.level", level),
            List.of(
                new Column(m.get("col.code"), Kind.TEXT),
                new Column(m.get("col.unitName"), Kind.TEXT),
                new Column(m.get("col.parent"), Kind.TEXT),
                new Column(m.get("col.head"), Kind.TEXT),
                new Column(m.get("col.expected"), Kind.INTEGER),
                new Column(m.get("col.seen"), Kind.INTEGER),
                new Column(m.get("col.reporting"), Kind.INTEGER),
                new Column(m.get("col.staleCount"), Kind.INTEGER),
                new Column(m.get("col.missing"), Kind.INTEGER),
                new Column(m.get("col.neverSeen"), Kind.INTEGER),
                new Column(m.get("col.pass"), Kind.INTEGER),
                new Column(m.get("col.fail"), Kind.INTEGER),
                new Column(m.get("col.unknown"), Kind.INTEGER),
                new Column(m.get("col.waived"), Kind.INTEGER),
                new Column(m.get("col.compliant"), Kind.INTEGER),
                new Column(m.get("col.compliantPercent"), Kind.PERCENT)),
            rows);
    t =
        t.withTotals(
            row(
                m.get("doc.total"),
                null,
                null,
                null,
                (long) sum.expected(),
                (long) sum.seen(),
                (long) sum.reporting(),
                (long) sum.stale(),
                (long) sum.missing(),
                (long) sum.neverSeen(),
                (long) sum.pass(),
                (long) sum.fail(),
                (long) sum.unknown(),
                (long) sum.waived(),
                (long) sum.compliant(),
                sum.compliantPercent()));
    // The chart: every unit when they fit, else the least compliant (those with a figure).
    List<Integer> order =
        IntStream.range(0, rows.size())
            .filter(i -> rows.get(i).get(15) != null)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> (Double) rows.get(i).get(15)))
            .toList();
    boolean all = order.size() <= CHART_ROWS;
    List<Integer> charted =
        all
            ? IntStream.range(0, rows.size())
                .filter(i -> rows.get(i).get(15) != null)
                .boxed()
                .toList()
            : order.subList(0, CHART_ROWS);
    return t.withChart(
        new Doc.Chart(
            all ? m.get("doc.chart.compliance") : m.get("doc.chart.complianceLowest", CHART_ROWS),
            1,
            15,
            100.0,
            charted));
  }

  private static Table unitFindings(Messages m, Formats f, PeriodReport r, Set<String> levels) {
    List<List<Object>> rows = new ArrayList<>();
    for (UnitRow u : r.units()) {
      if (!levels.isEmpty() && !levels.contains(u.level())) {
        continue;
      }
      for (PeriodReport.UnitResult x : u.findings()) {
        if (x.state() != State.FAIL && x.state() != State.UNKNOWN) {
          continue;
        }
        rows.add(
            row(
                u.code(),
                u.name(),
                x.title() == null ? x.checkId() : x.title().in(m.locale()),
                x.state(),
                x.measured() == null ? null : f.value(x.measured(), x.unit()),
                x.required() == null ? null : f.value(x.required(), x.unit()),
                x.state() == State.UNKNOWN
                    ? f.message(x.reason())
                    : f.value(x.shortfall(), x.unit()),
                (long) x.quantity()));
      }
    }
    return Table.of(
        m.get("doc.sheet.unitFindings"),
        m.get("doc.unitFindings"),
        List.of(
            new Column(m.get("col.code"), Kind.TEXT),
            new Column(m.get("col.unitName"), Kind.TEXT),
            new Column(m.get("col.check"), Kind.TEXT),
            new Column(m.get("col.state"), Kind.STATE),
            new Column(m.get("col.measured"), Kind.TEXT),
            new Column(m.get("col.required"), Kind.TEXT),
            new Column(m.get("col.shortfall"), Kind.TEXT),
            new Column(m.get("col.quantity"), Kind.INTEGER)),
        rows);
  }

  private static Table reportByCheck(Messages m, PeriodReport r, Map<String, String> known) {
    Map<String, long[]> byCheck = new TreeMap<>();
    for (PeriodReport.MachineRow x : r.machines()) {
      for (PeriodReport.Problem p : x.problems()) {
        long[] n = byCheck.computeIfAbsent(p.checkId(), k -> new long[3]);
        if (p.state() == State.FAIL) {
          n[0]++;
        } else if (p.state() == State.UNKNOWN) {
          n[1]++;
        } else if (p.state() == State.WAIVED) {
          n[2]++;
        }
      }
    }
    Map<String, String> titles = new LinkedHashMap<>();
    byCheck.keySet().forEach(k -> titles.put(k, known.getOrDefault(k, k)));
    return byCheck(m, byCheck, titles);
  }

  private static Table reportMachines(Messages m, PeriodReport r) {
    List<List<Object>> rows = new ArrayList<>();
    for (PeriodReport.MachineRow x : r.machines()) {
      rows.add(
          row(
              x.unitCode(),
              x.hostname(),
              x.machineId(),
              m.get("machineStatus." + x.status().name()),
              x.verdict(),
              java.time.LocalDate.parse(x.takenAt().substring(0, 10)),
              x.standard(),
              String.join(
                  " ",
                  x.problems().stream()
                      .filter(p -> p.state() == State.FAIL)
                      .map(PeriodReport.Problem::checkId)
                      .toList())));
    }
    return Table.of(
        m.get("doc.sheet.machines"),
        m.get("doc.report.machines"),
        List.of(
            new Column(m.get("col.code"), Kind.TEXT),
            new Column(m.get("col.hostname"), Kind.TEXT),
            new Column(m.get("col.machineId"), Kind.TEXT),
            new Column(m.get("col.status"), Kind.TEXT),
            new Column(m.get("col.verdict"), Kind.STATE),
            new Column(m.get("col.takenAt"), Kind.DATE),
            new Column(m.get("col.standard"), Kind.TEXT),
            new Column(m.get("col.failedChecks"), Kind.TEXT)),
        rows);
  }

  // --- plan -------------------------------------------------------------------------------------

  /**
   * A plan: its units with owner and total (charted), then every item with quantities and costs.
   */
  public static Doc plan(Plan plan, Formats f) {
    Messages m = f.messages();
    List<List<Object>> units = new ArrayList<>();
    List<List<Object>> items = new ArrayList<>();
    long unpriced = 0;
    for (Plan.UnitPlan u : plan.units()) {
      units.add(
          row(
              u.code(),
              u.name(),
              u.owner(),
              (long) u.items().size(),
              u.total(),
              (long) u.unpriced(),
              (long) u.unknownMachines(),
              (long) u.silentMachines()));
      unpriced += u.unpriced();
      for (Plan.Item i : u.items()) {
        items.add(
            row(
                u.code(),
                u.name(),
                i.owner(),
                i.action() == null ? i.id() : i.action().in(m.locale()),
                (long) i.quantity(),
                i.unitCost(),
                (long) i.months(),
                i.cost(),
                m.get("severity." + i.severity()),
                i.deadline(),
                String.join(" ", i.checks())));
      }
    }
    Table unitTable =
        Table.of(
                m.get("doc.sheet.units"),
                m.get("doc.plan.units"),
                List.of(
                    new Column(m.get("col.code"), Kind.TEXT),
                    new Column(m.get("col.unitName"), Kind.TEXT),
                    new Column(m.get("col.owner"), Kind.TEXT),
                    new Column(m.get("col.items"), Kind.INTEGER),
                    new Column(m.get("col.cost"), Kind.MONEY),
                    new Column(m.get("col.unpriced"), Kind.INTEGER),
                    new Column(m.get("col.unknownMachines"), Kind.INTEGER),
                    new Column(m.get("col.silentMachines"), Kind.INTEGER)),
                units)
            .withTotals(
                row(
                    m.get("doc.total"),
                    null,
                    null,
                    (long) items.size(),
                    plan.total(),
                    unpriced,
                    null,
                    null));
    List<Integer> byCost =
        IntStream.range(0, units.size())
            .boxed()
            .sorted(Comparator.comparingLong(i -> -((Long) units.get(i).get(4))))
            .limit(CHART_ROWS)
            .toList();
    unitTable =
        unitTable.withChart(
            new Doc.Chart(
                units.size() > CHART_ROWS
                    ? m.get("doc.chart.costTop", CHART_ROWS)
                    : m.get("doc.chart.cost"),
                1,
                4,
                null,
                byCost));
    Table itemTable =
        Table.of(
                m.get("doc.sheet.items"),
                m.get("doc.plan.items"),
                List.of(
                    new Column(m.get("col.code"), Kind.TEXT),
                    new Column(m.get("col.unitName"), Kind.TEXT),
                    new Column(m.get("col.owner"), Kind.TEXT),
                    new Column(m.get("col.action"), Kind.TEXT),
                    new Column(m.get("col.quantity"), Kind.INTEGER),
                    new Column(m.get("col.unitCost"), Kind.MONEY),
                    new Column(m.get("col.months"), Kind.INTEGER),
                    new Column(m.get("col.cost"), Kind.MONEY),
                    new Column(m.get("col.severity"), Kind.TEXT),
                    new Column(m.get("col.deadline"), Kind.DATE),
                    new Column(m.get("col.checks"), Kind.TEXT)),
                items)
            .withTotals(
                row(
                    m.get("doc.total"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    plan.total(),
                    null,
                    null,
                    null));
    String currency = plan.currency();
    List<String> about =
        List.of(m.get("plan.total", plan.units().size(), f.money(plan.total(), currency)));
    return Doc.of(
        m.get("plan.title", plan.period(), f.date(plan.planDate()), plan.standard()),
        about,
        currency,
        List.of(unitTable, itemTable));
  }

  // --- score ------------------------------------------------------------------------------------

  /** Scores: the ranked units with each criterion's points (charted), then the criteria. */
  public static Doc score(
      String period, String standard, List<Scores.UnitScore> scores, Formats f) {
    Messages m = f.messages();
    List<Scores.Part> first = scores.isEmpty() ? List.of() : scores.get(0).parts();
    List<Column> cols = new ArrayList<>();
    cols.add(new Column(m.get("col.rank"), Kind.INTEGER));
    cols.add(new Column(m.get("col.code"), Kind.TEXT));
    cols.add(new Column(m.get("col.unitName"), Kind.TEXT));
    cols.add(new Column(m.get("col.level"), Kind.TEXT));
    for (Scores.Part p : first) {
      cols.add(new Column(p.criterionId(), Kind.NUMBER));
    }
    cols.add(new Column(m.get("col.points"), Kind.NUMBER));
    cols.add(new Column(m.get("col.maxPoints"), Kind.NUMBER));
    List<List<Object>> rows = new ArrayList<>();
    for (Scores.UnitScore s : scores) {
      List<Object> row = new ArrayList<>();
      row.add((long) s.rank());
      row.add(s.code());
      row.add(s.name());
      row.add(s.level());
      for (Scores.Part p : s.parts()) {
        row.add(p.figure() == null ? null : round(p.points()));
      }
      row.add(round(s.points()));
      row.add(s.maxPoints());
      rows.add(java.util.Collections.unmodifiableList(row));
    }
    int pointsColumn = cols.size() - 2;
    Table ranked =
        Table.of(m.get("doc.sheet.scores"), m.get("doc.score.units"), cols, rows)
            .withChart(
                new Doc.Chart(
                    rows.size() > CHART_ROWS
                        ? m.get("doc.chart.pointsTop", CHART_ROWS)
                        : m.get("doc.chart.points"),
                    2,
                    pointsColumn,
                    scores.isEmpty() ? null : scores.get(0).maxPoints(),
                    IntStream.range(0, Math.min(rows.size(), CHART_ROWS)).boxed().toList()));
    List<List<Object>> criteria = new ArrayList<>();
    for (Scores.Part p : first) {
      criteria.add(
          row(p.criterionId(), p.title() == null ? null : p.title().in(m.locale()), p.maxPoints()));
    }
    Table criteriaTable =
        Table.of(
            m.get("doc.sheet.criteria"),
            m.get("doc.score.criteria"),
            List.of(
                new Column(m.get("col.criterion"), Kind.TEXT),
                new Column(m.get("col.title"), Kind.TEXT),
                new Column(m.get("col.maxPoints"), Kind.NUMBER)),
            criteria);
    return Doc.of(
        m.get("score.title", period, standard), List.of(), null, List.of(ranked, criteriaTable));
  }

  private static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }
}
