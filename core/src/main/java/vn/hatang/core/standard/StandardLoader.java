package vn.hatang.core.standard;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads and validates standards files (format v1, see {@code docs/standards.md}) and the reference
 * data files they name. Every problem is collected with its {@code file:line:col}; a file with any
 * problem is refused as a whole. Stateless and thread-safe.
 */
public final class StandardLoader {

  /** Largest standards or reference file read, in bytes. */
  public static final long MAX_BYTES = 1024 * 1024;

  /** The value of a date check meaning "the day of the evaluation". */
  public static final String EVALUATION_DATE = "evaluation-date";

  private static final Set<String> HEADER_KEYS =
      Set.of(
          "id",
          "version",
          "title",
          "issuer",
          "legalBasis",
          "effectiveFrom",
          "supersedes",
          "freshnessDays",
          "references",
          "checks",
          "score",
          "plan");
  private static final Set<String> CHECK_KEYS =
      Set.of(
          "id",
          "title",
          "scope",
          "appliesTo",
          "metric",
          "line",
          "op",
          "value",
          "unit",
          "severity",
          "weight",
          "remediation",
          "source",
          "item",
          "perStaff",
          "statistic");
  private static final Set<String> REFERENCE_ROLES =
      Set.of("osLifecycle", "cpuGenerations", "prices");
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** Machine roles the agent reports. */
  public static final List<String> ROLES = List.of("desktop", "laptop", "server", "virtual");

  /** OS families the agent reports. */
  public static final List<String> OS_FAMILIES = List.of("Windows", "Linux", "macOS", "FreeBSD");

  private StandardLoader() {}

  /**
   * Loads a standard from a file, with its reference data resolved relative to the file.
   *
   * @param file the standards file
   * @param displayName how to name the file in messages
   * @throws StandardException listing every problem
   */
  public static Standard load(Path file, String displayName) throws StandardException {
    List<Problem> problems = new ArrayList<>();
    Standard s = read(file, displayName, problems);
    if (!problems.isEmpty() || s == null) {
      throw new StandardException(problems);
    }
    return s;
  }

  /** Validates a standards file: the list of problems, empty when it is valid. */
  public static List<Problem> validate(Path file, String displayName) {
    List<Problem> problems = new ArrayList<>();
    read(file, displayName, problems);
    return problems;
  }

  private static Standard read(Path file, String name, List<Problem> problems) {
    byte[] bytes = readBytes(file, name, problems);
    if (bytes == null) {
      return null;
    }
    YamlNode.Context ctx = new YamlNode.Context(name);
    String text = decode(bytes, ctx);
    YamlNode root = text == null ? null : YamlNode.parse(text, ctx);
    if (root == null) {
      problems.addAll(ctx.problems);
      return null;
    }
    Map<String, YamlNode> top = root.mapWithKeys(HEADER_KEYS);
    String id = str(top, "id", root, true);
    String version = str(top, "version", root, true);
    if (id != null && !ID.matcher(id).matches()) {
      top.get("id").problem("standard.error.badId", id);
    }
    checkFileName(file, top, id, version);
    LocalizedText title = top.containsKey("title") ? top.get("title").localized() : null;
    if (title == null) {
      root.problem("standard.error.missingKey", "title");
    }
    String issuer = str(top, "issuer", root, true);
    List<String> legal =
        top.containsKey("legalBasis") ? top.get("legalBasis").strings() : List.of();
    LocalDate effective = top.containsKey("effectiveFrom") ? top.get("effectiveFrom").date() : null;
    if (effective == null && !top.containsKey("effectiveFrom")) {
      root.problem("standard.error.missingKey", "effectiveFrom");
    }
    String supersedes =
        top.containsKey("supersedes") && !top.get("supersedes").isNull()
            ? top.get("supersedes").text()
            : null;
    Integer freshness =
        top.containsKey("freshnessDays") ? top.get("freshnessDays").integer() : null;
    if (freshness == null && !top.containsKey("freshnessDays")) {
      root.problem("standard.error.missingKey", "freshnessDays");
    } else if (freshness != null && freshness < 1) {
      top.get("freshnessDays").problem("standard.error.positive", "freshnessDays");
    }
    ReferenceData reference = readReferences(file, top.get("references"), ctx);
    List<Check> checks = new ArrayList<>();
    List<UnitCheck> unitChecks = new ArrayList<>();
    YamlNode checksNode = top.get("checks");
    if (checksNode == null) {
      root.problem("standard.error.missingKey", "checks");
    } else {
      Map<String, Integer> seen = new HashMap<>();
      if (checksNode.isList() && checksNode.list().isEmpty()) {
        checksNode.problem("standard.error.noChecks");
      }
      for (YamlNode c : checksNode.list()) {
        String checkId;
        int line;
        if (isUnitScoped(c)) {
          UnitCheck check = UnitCheckReader.read(c, reference);
          if (check == null) {
            continue;
          }
          unitChecks.add(check);
          checkId = check.id();
          line = check.line();
        } else {
          Check check = readCheck(c, reference);
          if (check == null) {
            continue;
          }
          checks.add(check);
          checkId = check.id();
          line = check.line();
        }
        Integer first = seen.putIfAbsent(checkId, line);
        if (first != null) {
          c.problem("standard.error.duplicateId", checkId, first);
        }
      }
    }
    ScoreModel score =
        top.containsKey("score")
            ? UnitCheckReader.readScore(top.get("score"), checks, unitChecks)
            : null;
    PlanPolicy plan = top.containsKey("plan") ? UnitCheckReader.readPlan(top.get("plan")) : null;
    problems.addAll(ctx.problems);
    if (!problems.isEmpty()) {
      return null;
    }
    return new Standard(
        id,
        version,
        title,
        issuer,
        legal,
        effective,
        supersedes,
        freshness,
        checks,
        unitChecks,
        score,
        plan,
        reference,
        sha256(bytes),
        name);
  }

  private static void checkFileName(
      Path file, Map<String, YamlNode> top, String id, String version) {
    Path fileName = file.getFileName();
    if (fileName == null) {
      return;
    }
    String stem = fileName.toString().replaceFirst("\\.ya?ml$", "");
    if (version != null && !stem.equals(version)) {
      top.get("version").problem("standard.error.versionVsFile", version, fileName.toString());
    }
    Path parent = file.getParent() == null ? null : file.getParent().getFileName();
    if (id != null && parent != null && !parent.toString().equals(id)) {
      top.get("id").problem("standard.error.idVsFolder", id, parent.toString());
    }
  }

  private static Check readCheck(YamlNode c, ReferenceData reference) {
    Map<String, YamlNode> m = c.mapWithKeys(CHECK_KEYS);
    if (!c.isMap()) {
      return null;
    }
    String id = str(m, "id", c, true);
    if (id != null && !ID.matcher(id).matches()) {
      m.get("id").problem("standard.error.badId", id);
    }
    LocalizedText title = m.containsKey("title") ? m.get("title").localized() : null;
    if (title == null) {
      c.problem("standard.error.missingKey", "title");
    }
    String scope = m.containsKey("scope") ? m.get("scope").text() : "machine";
    if (scope != null && !scope.equals("machine")) {
      m.get("scope").problem("standard.error.badScope", scope);
    }
    for (String unitOnly : List.of("item", "perStaff", "statistic")) {
      if (m.containsKey(unitOnly)) {
        m.get(unitOnly).problem("standard.error.unitScopeOnly", unitOnly);
      }
    }
    Check.AppliesTo applies = m.containsKey("appliesTo") ? readAppliesTo(m.get("appliesTo")) : null;
    Metric metric = null;
    String metricName = str(m, "metric", c, true);
    if (metricName != null) {
      metric = Metric.byPath(metricName).orElse(null);
      if (metric == null) {
        m.get("metric").problem("standard.error.unknownMetric", metricName, metricNames());
      } else if (metric.needs() == Metric.Needs.OS_LIFECYCLE && reference.osLifecycle() == null) {
        m.get("metric").problem("standard.error.missingReference", metricName, "osLifecycle");
      } else if (metric.needs() == Metric.Needs.CPU_GENERATIONS
          && reference.cpuGenerations() == null) {
        m.get("metric").problem("standard.error.missingReference", metricName, "cpuGenerations");
      }
    }
    String line = m.containsKey("line") ? m.get("line").text() : null;
    if (metric != null && metric.needs() == Metric.Needs.LINE && line == null) {
      c.problem("standard.error.lineRequired", metric.path());
    } else if (metric != null && metric.needs() != Metric.Needs.LINE && line != null) {
      m.get("line").problem("standard.error.lineNotAllowed", metric.path());
    } else if (line != null && !line.matches("[A-Za-z0-9._-]{1,64}")) {
      m.get("line").problem("standard.error.badId", line);
    }
    Operator op = null;
    String opText = str(m, "op", c, true);
    if (opText != null) {
      op = Operator.parse(opText).orElse(null);
      if (op == null) {
        m.get("op").problem("standard.error.badOperator", opText, operatorNames());
      }
    }
    String unitText = m.containsKey("unit") ? m.get("unit").text() : null;
    Unit unit = null;
    if (unitText != null) {
      unit = Unit.parse(unitText).orElse(null);
      if (unit == null) {
        m.get("unit").problem("standard.error.badUnit", unitText);
      } else if (metric != null && metric.dimension() != unit.dimension()) {
        m.get("unit").problem("standard.error.unitVsMetric", unitText, metric.path());
      }
    } else if (metric != null
        && metric.dimension() != Unit.Dimension.COUNT
        && metric.dimension() != Unit.Dimension.NONE) {
      c.problem("standard.error.unitRequired", metric.path());
    }
    Object value = null;
    YamlNode valueNode = m.get("value");
    if (valueNode == null) {
      c.problem("standard.error.missingKey", "value");
    } else if (metric != null && op != null) {
      value = readValue(valueNode, metric, op);
    }
    Severity severity = Severity.MEDIUM;
    if (m.containsKey("severity")) {
      String sv = m.get("severity").text();
      try {
        severity = Severity.valueOf(sv == null ? "" : sv.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        m.get("severity").problem("standard.error.badSeverity", sv);
      }
    }
    double weight = 1;
    if (m.containsKey("weight")) {
      Double w = m.get("weight").number();
      if (w != null && w < 0) {
        m.get("weight").problem("standard.error.negative", "weight");
      }
      weight = w == null ? 1 : w;
    }
    Check.Remediation remediation =
        m.containsKey("remediation") ? readRemediation(m.get("remediation"), reference) : null;
    String source = m.containsKey("source") ? m.get("source").text() : null;
    if (id == null || metric == null || op == null) {
      return null;
    }
    return new Check(
        id,
        title,
        scope,
        applies,
        metric,
        line,
        op,
        value,
        unit == null ? null : unit.symbol(),
        severity,
        weight,
        remediation,
        source,
        c.line());
  }

  static Check.Remediation readRemediation(YamlNode r, ReferenceData reference) {
    Map<String, YamlNode> rm = r.mapWithKeys(Set.of("action", "costKey"));
    LocalizedText action = rm.containsKey("action") ? rm.get("action").localized() : null;
    if (action == null) {
      r.problem("standard.error.missingKey", "action");
    }
    String costKey = rm.containsKey("costKey") ? rm.get("costKey").text() : null;
    if (costKey != null) {
      if (reference.prices() == null) {
        rm.get("costKey").problem("standard.error.missingReference", costKey, "prices");
      } else if (!reference.prices().items().containsKey(costKey)) {
        rm.get("costKey").problem("standard.error.unknownCostKey", costKey);
      }
    }
    return new Check.Remediation(action, costKey);
  }

  /** Whether a check entry says {@code scope: unit}. */
  private static boolean isUnitScoped(YamlNode c) {
    if (!c.isMap()) {
      return false;
    }
    YamlNode scope = c.map().get("scope");
    return scope != null && scope.isScalar() && "unit".equals(scope.text());
  }

  private static Object readValue(YamlNode v, Metric metric, Operator op) {
    if (op == Operator.IN || op == Operator.NOT_IN) {
      if (!v.isList()) {
        v.problem("standard.error.expectedList");
        return null;
      }
      List<String> items = v.strings();
      if (items.isEmpty()) {
        v.problem("standard.error.emptyList");
      }
      if (metric.kind() == Metric.Kind.NUMBER) {
        for (String item : items) {
          if (!isFiniteNumber(item)) {
            v.problem("standard.error.expectedNumber", item);
          }
        }
      }
      return items;
    }
    if (v.isList() || v.isMap()) {
      v.problem("standard.error.expectedScalar");
      return null;
    }
    if (op == Operator.MATCHES) {
      String t = v.text();
      if (t == null) {
        return null;
      }
      try {
        Pattern.compile(t);
      } catch (PatternSyntaxException e) {
        v.problem("standard.error.badPattern", t, e.getDescription());
      }
      return t;
    }
    boolean compatible =
        switch (metric.kind()) {
          case NUMBER -> op.isOrdering() || op == Operator.EQ || op == Operator.NE;
          case STRING, BOOLEAN -> op == Operator.EQ || op == Operator.NE;
          case DATE -> op == Operator.DATE_AFTER || op == Operator.DATE_BEFORE;
          case VERSION -> op == Operator.VERSION_GE || op == Operator.EQ || op == Operator.NE;
        };
    if (!compatible) {
      v.problem(
          "standard.error.opVsMetric",
          op.symbol(),
          metric.path(),
          metric.kind().name().toLowerCase(java.util.Locale.ROOT));
      return null;
    }
    switch (metric.kind()) {
      case NUMBER:
        return v.number();
      case BOOLEAN:
        {
          String t = v.text();
          if (!"true".equals(t) && !"false".equals(t)) {
            v.problem("standard.error.expectedBoolean", t);
            return null;
          }
          return Boolean.valueOf(t);
        }
      case DATE:
        {
          String t = v.text();
          if (EVALUATION_DATE.equals(t)) {
            return EVALUATION_DATE;
          }
          return v.date();
        }
      case VERSION:
        {
          String t = v.text();
          if (t != null && !t.trim().matches("[0-9A-Za-z]+([._-][0-9A-Za-z]+)*")) {
            v.problem("standard.error.expectedVersion", t);
          }
          return t;
        }
      default:
        {
          String t = v.text();
          if (t != null && t.isBlank()) {
            v.problem("standard.error.expectedScalar");
          }
          return t;
        }
    }
  }

  private static boolean isFiniteNumber(String s) {
    try {
      return Double.isFinite(Double.parseDouble(s.replace("_", "")));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static Check.AppliesTo readAppliesTo(YamlNode a) {
    Map<String, YamlNode> m = a.mapWithKeys(Set.of("unitLevels", "roles", "tags", "osFamilies"));
    // Roles and OS families are the agent's closed vocabularies: a typo would make the check
    // silently not apply anywhere. Unit levels and tags are open data.
    known(m.get("roles"), ROLES);
    known(m.get("osFamilies"), OS_FAMILIES);
    return new Check.AppliesTo(
        m.containsKey("unitLevels") ? m.get("unitLevels").strings() : List.of(),
        m.containsKey("roles") ? m.get("roles").strings() : List.of(),
        m.containsKey("tags") ? m.get("tags").strings() : List.of(),
        m.containsKey("osFamilies") ? m.get("osFamilies").strings() : List.of());
  }

  static void known(YamlNode list, List<String> vocabulary) {
    if (list == null) {
      return;
    }
    List<YamlNode> items = list.isList() ? list.list() : List.of(list);
    for (YamlNode item : items) {
      String t = item.text();
      if (t != null && vocabulary.stream().noneMatch(t::equalsIgnoreCase)) {
        item.problem("standard.error.unknownValue", t, String.join(", ", vocabulary));
      }
    }
  }

  private static ReferenceData readReferences(Path file, YamlNode refs, YamlNode.Context ctx) {
    if (refs == null) {
      return ReferenceData.NONE;
    }
    Map<String, YamlNode> m = refs.mapWithKeys(REFERENCE_ROLES);
    Map<String, String> files = new LinkedHashMap<>();
    OsLifecycle os = null;
    CpuGenerations cpu = null;
    PriceTable prices = null;
    for (Map.Entry<String, YamlNode> e : m.entrySet()) {
      String rel = e.getValue().text();
      if (rel == null || !REFERENCE_ROLES.contains(e.getKey())) {
        continue;
      }
      files.put(e.getKey(), rel);
      Path base = file.toAbsolutePath().getParent();
      Path target =
          base == null ? file.getFileSystem().getPath(rel) : base.resolve(rel).normalize();
      String display =
          ctx.file.contains("/") ? ctx.file.substring(0, ctx.file.lastIndexOf('/') + 1) + rel : rel;
      if (!Files.isRegularFile(target)) {
        e.getValue().problem("standard.error.referenceMissing", rel);
        continue;
      }
      List<Problem> sub = new ArrayList<>();
      byte[] bytes = readBytes(target, display, sub);
      YamlNode.Context refCtx = new YamlNode.Context(display);
      String text = bytes == null ? null : decode(bytes, refCtx);
      YamlNode root = text == null ? null : YamlNode.parse(text, refCtx);
      if (root != null) {
        switch (e.getKey()) {
          case "osLifecycle" -> os = ReferenceReader.osLifecycle(root);
          case "cpuGenerations" -> cpu = ReferenceReader.cpuGenerations(root);
          default -> prices = ReferenceReader.prices(root);
        }
      }
      ctx.problems.addAll(sub);
      ctx.problems.addAll(refCtx.problems);
    }
    return new ReferenceData(os, cpu, prices, files);
  }

  static String str(Map<String, YamlNode> m, String key, YamlNode parent, boolean required) {
    YamlNode n = m.get(key);
    if (n == null || n.isNull()) {
      if (required) {
        parent.problem("standard.error.missingKey", key);
      }
      return null;
    }
    return n.text();
  }

  private static byte[] readBytes(Path file, String name, List<Problem> problems) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        problems.add(new Problem(name, 0, 0, "standard.error.tooLarge", List.of(MAX_BYTES)));
        return null;
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add(
          new Problem(name, 0, 0, "standard.error.io", List.of(String.valueOf(e.getMessage()))));
      return null;
    }
  }

  private static String decode(byte[] bytes, YamlNode.Context ctx) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      ctx.add(0, 0, "standard.error.notUtf8");
      return null;
    }
  }

  /** Hex SHA-256 of some bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String metricNames() {
    List<String> names = new ArrayList<>();
    for (Metric m : Metric.values()) {
      names.add(m.path());
    }
    return String.join(", ", names);
  }

  static String operatorNames() {
    Set<String> names = new HashSet<>();
    List<String> ordered = new ArrayList<>();
    for (Operator o : Operator.values()) {
      if (names.add(o.symbol())) {
        ordered.add(o.symbol());
      }
    }
    return String.join(", ", ordered);
  }
}
