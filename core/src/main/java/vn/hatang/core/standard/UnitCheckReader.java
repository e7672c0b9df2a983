package vn.hatang.core.standard;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the parts of a standard that province reporting uses: unit-scoped checks, the {@code
 * score:} block and the {@code plan:} block (see {@code docs/standards.md}). Problems go to the
 * nodes' context, as in {@link StandardLoader}.
 */
final class UnitCheckReader {
  private static final Set<String> UNIT_CHECK_KEYS =
      Set.of(
          "id",
          "title",
          "scope",
          "appliesTo",
          "metric",
          "line",
          "item",
          "op",
          "value",
          "unit",
          "perStaff",
          "statistic",
          "severity",
          "weight",
          "remediation",
          "source");
  private static final Set<Operator> NUMERIC =
      Set.of(Operator.GE, Operator.GT, Operator.LE, Operator.LT, Operator.EQ);

  private UnitCheckReader() {}

  static UnitCheck read(YamlNode c, ReferenceData reference) {
    Map<String, YamlNode> m = c.mapWithKeys(UNIT_CHECK_KEYS);
    String id = StandardLoader.str(m, "id", c, true);
    if (id != null && !StandardLoader.ID.matcher(id).matches()) {
      m.get("id").problem("standard.error.badId", id);
    }
    LocalizedText title = m.containsKey("title") ? m.get("title").localized() : null;
    if (title == null) {
      c.problem("standard.error.missingKey", "title");
    }
    List<String> levels = List.of();
    if (m.containsKey("appliesTo")) {
      YamlNode a = m.get("appliesTo");
      Map<String, YamlNode> am = a.mapWithKeys(Set.of("unitLevels"));
      levels = am.containsKey("unitLevels") ? am.get("unitLevels").strings() : List.of();
    }
    UnitMetric metric = metric(m, c);
    String line = m.containsKey("line") ? m.get("line").text() : null;
    String item = m.containsKey("item") ? m.get("item").text() : null;
    if (metric != null) {
      needs(metric, m, c, line, item);
    }
    Operator op = numericOp(m, c);
    Double value = null;
    if (!m.containsKey("value")) {
      c.problem("standard.error.missingKey", "value");
    } else {
      value = m.get("value").number();
    }
    String unit = unit(m, c, metric);
    Double perStaff = null;
    if (m.containsKey("perStaff")) {
      perStaff = m.get("perStaff").number();
      if (metric != null && metric.dimension() != Unit.Dimension.COUNT) {
        m.get("perStaff").problem("standard.error.perStaffCountsOnly", metric.path());
      } else if (perStaff != null && perStaff <= 0) {
        m.get("perStaff").problem("standard.error.positive", "perStaff");
      }
    }
    UnitCheck.Statistic statistic = null;
    if (m.containsKey("statistic")) {
      if (metric != null && metric.needs() != UnitMetric.Needs.LINE) {
        m.get("statistic").problem("standard.error.statisticLinesOnly", metric.path());
      }
      statistic = statistic(m.get("statistic"), metric);
    } else if (metric != null && metric.needs() == UnitMetric.Needs.LINE) {
      statistic = UnitCheck.Statistic.defaultFor(metric);
    }
    Severity severity = severity(m);
    double weight = 1;
    if (m.containsKey("weight")) {
      Double w = m.get("weight").number();
      if (w != null && w < 0) {
        m.get("weight").problem("standard.error.negative", "weight");
      }
      weight = w == null ? 1 : w;
    }
    Check.Remediation remediation =
        m.containsKey("remediation")
            ? StandardLoader.readRemediation(m.get("remediation"), reference)
            : null;
    String source = m.containsKey("source") ? m.get("source").text() : null;
    if (id == null || metric == null || op == null || value == null) {
      return null;
    }
    return new UnitCheck(
        id,
        title,
        levels,
        metric,
        line,
        item,
        op,
        value,
        unit,
        perStaff,
        statistic,
        severity,
        weight,
        remediation,
        source,
        c.line());
  }

  private static UnitMetric metric(Map<String, YamlNode> m, YamlNode c) {
    String name = StandardLoader.str(m, "metric", c, true);
    if (name == null) {
      return null;
    }
    UnitMetric metric = UnitMetric.byPath(name).orElse(null);
    if (metric == null) {
      m.get("metric").problem("standard.error.unknownUnitMetric", name, unitMetricNames());
    }
    return metric;
  }

  private static void needs(
      UnitMetric metric, Map<String, YamlNode> m, YamlNode c, String line, String item) {
    if (metric.needs() == UnitMetric.Needs.LINE && line == null) {
      c.problem("standard.error.lineRequired", metric.path());
    } else if (metric.needs() != UnitMetric.Needs.LINE && line != null) {
      m.get("line").problem("standard.error.lineNotAllowed", metric.path());
    } else if (line != null && !line.matches("[A-Za-z0-9._-]{1,64}")) {
      m.get("line").problem("standard.error.badId", line);
    }
    if (metric.needs() == UnitMetric.Needs.ITEM && item == null) {
      c.problem("standard.error.itemRequired", metric.path());
    } else if (metric.needs() != UnitMetric.Needs.ITEM && item != null) {
      m.get("item").problem("standard.error.itemNotAllowed", metric.path());
    } else if (item != null && !StandardLoader.ID.matcher(item).matches()) {
      m.get("item").problem("standard.error.badId", item);
    }
  }

  private static Operator numericOp(Map<String, YamlNode> m, YamlNode c) {
    String text = StandardLoader.str(m, "op", c, true);
    if (text == null) {
      return null;
    }
    Operator op = Operator.parse(text).orElse(null);
    if (op == null || !NUMERIC.contains(op)) {
      m.get("op")
          .problem(
              "standard.error.badOperator",
              text,
              NUMERIC.stream().map(Operator::symbol).sorted().collect(Collectors.joining(", ")));
      return null;
    }
    return op;
  }

  private static String unit(Map<String, YamlNode> m, YamlNode c, UnitMetric metric) {
    String text = m.containsKey("unit") ? m.get("unit").text() : null;
    if (text == null) {
      if (metric != null && metric.dimension() != Unit.Dimension.COUNT) {
        c.problem("standard.error.unitRequired", metric.path());
      }
      return null;
    }
    Unit unit = Unit.parse(text).orElse(null);
    if (unit == null) {
      m.get("unit").problem("standard.error.badUnit", text);
      return null;
    }
    if (metric != null && metric.dimension() != unit.dimension()) {
      m.get("unit").problem("standard.error.unitVsMetric", text, metric.path());
      return null;
    }
    return unit.symbol();
  }

  private static UnitCheck.Statistic statistic(YamlNode s, UnitMetric metric) {
    Map<String, YamlNode> m = s.mapWithKeys(Set.of("quantile", "minSamples"));
    UnitCheck.Statistic def =
        metric == null ? UnitCheck.Statistic.SPEED_DEFAULT : UnitCheck.Statistic.defaultFor(metric);
    double q = def.quantile();
    if (m.containsKey("quantile")) {
      Double v = m.get("quantile").number();
      if (v != null && (v < 0 || v > 1)) {
        m.get("quantile").problem("standard.error.quantile", v);
      } else if (v != null) {
        q = v;
      }
    }
    int min = def.minSamples();
    if (m.containsKey("minSamples")) {
      Integer v = m.get("minSamples").integer();
      if (v != null && v < 1) {
        m.get("minSamples").problem("standard.error.positive", "minSamples");
      } else if (v != null) {
        min = v;
      }
    }
    return new UnitCheck.Statistic(q, min);
  }

  private static Severity severity(Map<String, YamlNode> m) {
    if (!m.containsKey("severity")) {
      return Severity.MEDIUM;
    }
    String sv = m.get("severity").text();
    try {
      return Severity.valueOf(sv == null ? "" : sv.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      m.get("severity").problem("standard.error.badSeverity", sv);
      return Severity.MEDIUM;
    }
  }

  static ScoreModel readScore(YamlNode s, List<Check> checks, List<UnitCheck> unitChecks) {
    Map<String, YamlNode> m = s.mapWithKeys(Set.of("title", "levels", "criteria"));
    LocalizedText title = m.containsKey("title") ? m.get("title").localized() : null;
    if (title == null) {
      s.problem("standard.error.missingKey", "title");
    }
    List<String> levels = m.containsKey("levels") ? m.get("levels").strings() : List.of();
    Set<String> checkIds = new HashSet<>();
    checks.forEach(c -> checkIds.add(c.id()));
    unitChecks.forEach(c -> checkIds.add(c.id()));
    YamlNode list = YamlNode.required(m, "criteria", s);
    List<ScoreModel.Criterion> criteria = new java.util.ArrayList<>();
    Map<String, Integer> ids = new java.util.HashMap<>();
    if (list != null) {
      if (list.isList() && list.list().isEmpty()) {
        list.problem("standard.error.emptyList");
      }
      for (YamlNode c : list.list()) {
        YamlNode idNode = c.isMap() ? c.map().get("id") : null;
        if (idNode != null && idNode.isScalar() && idNode.text() != null) {
          Integer first = ids.putIfAbsent(idNode.text(), c.line());
          if (first != null) {
            c.problem("standard.error.duplicateId", idNode.text(), first);
          }
        }
        ScoreModel.Criterion criterion = criterion(c, checkIds);
        if (criterion != null) {
          criteria.add(criterion);
        }
      }
    }
    return new ScoreModel(title, levels, criteria);
  }

  private static ScoreModel.Criterion criterion(YamlNode c, Set<String> checkIds) {
    Map<String, YamlNode> m =
        c.mapWithKeys(
            Set.of(
                "id",
                "title",
                "points",
                "formula",
                "check",
                "metric",
                "line",
                "item",
                "op",
                "threshold",
                "unit"));
    String id = StandardLoader.str(m, "id", c, true);
    if (id != null && !StandardLoader.ID.matcher(id).matches()) {
      m.get("id").problem("standard.error.badId", id);
    }
    LocalizedText title = m.containsKey("title") ? m.get("title").localized() : null;
    if (title == null) {
      c.problem("standard.error.missingKey", "title");
    }
    YamlNode pointsNode = YamlNode.required(m, "points", c);
    Double points = pointsNode == null ? null : pointsNode.number();
    if (points != null && points <= 0) {
      pointsNode.problem("standard.error.positive", "points");
    }
    ScoreModel.Formula formula = null;
    String f = StandardLoader.str(m, "formula", c, true);
    if (f != null) {
      try {
        formula = ScoreModel.Formula.valueOf(f.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        m.get("formula").problem("standard.error.unknownValue", f, "ratio, threshold, relative");
      }
    }
    String checkId = m.containsKey("check") ? m.get("check").text() : null;
    UnitMetric metric = null;
    if (checkId != null && m.containsKey("metric")) {
      m.get("metric").problem("standard.error.checkOrMetric");
    } else if (checkId != null && !checkIds.contains(checkId)) {
      m.get("check").problem("standard.error.unknownCheck", checkId);
    } else if (checkId == null) {
      metric = metric(m, c);
    }
    String line = m.containsKey("line") ? m.get("line").text() : null;
    String item = m.containsKey("item") ? m.get("item").text() : null;
    if (metric != null) {
      needs(metric, m, c, line, item);
    }
    Operator op = null;
    Double threshold = null;
    if (formula == ScoreModel.Formula.THRESHOLD) {
      op = numericOp(m, c);
      YamlNode t = YamlNode.required(m, "threshold", c);
      threshold = t == null ? null : t.number();
      String unit = unit(m, c, metric);
      if (threshold != null && unit != null) {
        threshold = Unit.parse(unit).orElseThrow().toBase(threshold);
      }
    } else {
      for (String k : List.of("op", "threshold")) {
        if (m.containsKey(k)) {
          m.get(k).problem("standard.error.thresholdOnly", k);
        }
      }
    }
    if (id == null || points == null || formula == null) {
      return null;
    }
    return new ScoreModel.Criterion(
        id, title, points, formula, checkId, metric, line, item, op, threshold, c.line());
  }

  static PlanPolicy readPlan(YamlNode p) {
    Map<String, YamlNode> m = p.mapWithKeys(Set.of("horizonDays", "deadlineDays"));
    int horizon = PlanPolicy.DEFAULT.horizonDays();
    if (m.containsKey("horizonDays")) {
      Integer h = m.get("horizonDays").integer();
      if (h != null && h < 1) {
        m.get("horizonDays").problem("standard.error.positive", "horizonDays");
      } else if (h != null) {
        horizon = h;
      }
    }
    Map<Severity, Integer> days = new EnumMap<>(PlanPolicy.DEFAULT.deadlineDays());
    if (m.containsKey("deadlineDays")) {
      YamlNode d = m.get("deadlineDays");
      for (var e : d.mapWithKeys(Set.of("critical", "high", "medium", "low")).entrySet()) {
        Integer v = e.getValue().integer();
        if (v != null && v < 1) {
          e.getValue().problem("standard.error.positive", e.getKey());
        } else if (v != null) {
          days.put(Severity.valueOf(e.getKey().toUpperCase(Locale.ROOT)), v);
        }
      }
    }
    return new PlanPolicy(horizon, days);
  }

  private static String unitMetricNames() {
    return java.util.Arrays.stream(UnitMetric.values())
        .map(UnitMetric::path)
        .collect(Collectors.joining(", "));
  }
}
