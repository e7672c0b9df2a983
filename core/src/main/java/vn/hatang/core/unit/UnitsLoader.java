package vn.hatang.core.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vn.hatang.core.standard.Problem;
import vn.hatang.core.standard.YamlNode;

/**
 * Loads units files (format in {@code docs/units.md}): YAML ({@code .yaml}, {@code .yml}) or CSV
 * ({@code .csv}), chosen by the file's extension. Every problem is reported with its {@code
 * file:line:col}; a file with any problem is refused as a whole. Reads only the file it is given.
 * Stateless and thread-safe.
 */
public final class UnitsLoader {
  /** Largest units file read, in bytes (20 MiB). */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  /** Most units (YAML entries, CSV data rows) in one file. */
  public static final int MAX_ROWS = 100_000;

  /** The bundled sample: province 52 before and after the 2025 reorganisation. */
  public static final String BUNDLED_SAMPLE = "bundled:units/52.yaml";

  /** The prefix naming a file bundled in the jar's {@code standards/} folder. */
  public static final String BUNDLED = "bundled:";

  /** The CSV columns, in the order {@code hatang units show -f csv} writes them. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "code",
          "name",
          "level",
          "parentCode",
          "validFrom",
          "validTo",
          "successors",
          "headName",
          "headTitle",
          "headEmail",
          "expectedStaff",
          "expectedMachines");

  private static final Set<String> UNIT_KEYS =
      Set.of(
          "code",
          "name",
          "level",
          "parentCode",
          "validFrom",
          "validTo",
          "successors",
          "head",
          "expectedStaff",
          "expectedMachines");

  /** File formats. */
  public enum Format {
    YAML,
    CSV;

    /** The format a file name's extension names, or {@code null}. */
    public static Format of(String fileName) {
      String n = fileName.toLowerCase(Locale.ROOT);
      if (n.endsWith(".yaml") || n.endsWith(".yml")) {
        return YAML;
      }
      return n.endsWith(".csv") ? CSV : null;
    }
  }

  private UnitsLoader() {}

  /**
   * Loads and validates a units file, or a bundled one ({@code bundled:units/52.yaml}).
   *
   * @param spec a path, or {@link #BUNDLED} followed by a path inside the bundled folder
   * @throws UnitsException listing every problem
   */
  public static UnitRegistry load(String spec) throws UnitsException {
    List<Problem> problems = new ArrayList<>();
    UnitRegistry r = read(spec, problems);
    if (r == null || !problems.isEmpty()) {
      throw new UnitsException(problems);
    }
    return r;
  }

  /** Loads a units file; {@code displayName} names it in messages. */
  public static UnitRegistry load(Path file, String displayName) throws UnitsException {
    List<Problem> problems = new ArrayList<>();
    byte[] bytes = readFile(file, displayName, problems);
    UnitRegistry r = bytes == null ? null : parse(bytes, displayName, format(file), problems);
    if (r == null || !problems.isEmpty()) {
      throw new UnitsException(problems);
    }
    return r;
  }

  /** Every problem of a units file ({@code spec} as in {@link #load(String)}); empty if valid. */
  public static List<Problem> validate(String spec) {
    List<Problem> problems = new ArrayList<>();
    read(spec, problems);
    return problems;
  }

  /**
   * Parses and validates units from bytes.
   *
   * @param format the format, or {@code null} for "unknown extension" (a problem)
   * @throws UnitsException listing every problem
   */
  public static UnitRegistry parse(byte[] bytes, String displayName, Format format)
      throws UnitsException {
    List<Problem> problems = new ArrayList<>();
    UnitRegistry r = parse(bytes, displayName, format, problems);
    if (r == null || !problems.isEmpty()) {
      throw new UnitsException(problems);
    }
    return r;
  }

  private static UnitRegistry read(String spec, List<Problem> problems) {
    byte[] bytes;
    Format format;
    if (spec.startsWith(BUNDLED)) {
      String rel = spec.substring(BUNDLED.length());
      format = Format.of(rel);
      bytes = readBundled(rel, spec, problems);
    } else {
      Path file = Path.of(spec);
      format = format(file);
      bytes = readFile(file, spec, problems);
    }
    return bytes == null ? null : parse(bytes, spec, format, problems);
  }

  private static Format format(Path file) {
    Path name = file.getFileName();
    return name == null ? null : Format.of(name.toString());
  }

  private static UnitRegistry parse(
      byte[] bytes, String name, Format format, List<Problem> problems) {
    if (format == null) {
      problems.add(new Problem(name, 0, 0, "units.error.extension", List.of()));
      return null;
    }
    if (bytes.length > MAX_BYTES) {
      problems.add(new Problem(name, 0, 0, "units.error.tooLarge", List.of(MAX_BYTES)));
      return null;
    }
    String text = decode(bytes, name, problems);
    if (text == null) {
      return null;
    }
    List<UnitRegistry.Sourced> units =
        format == Format.YAML ? readYaml(text, name, problems) : readCsv(text, name, problems);
    if (units == null || !problems.isEmpty()) {
      return null;
    }
    try {
      return UnitRegistry.build(units);
    } catch (UnitsException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  // ---- YAML ----

  private static List<UnitRegistry.Sourced> readYaml(
      String text, String file, List<Problem> problems) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10);
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit((int) MAX_BYTES);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      problems.add(
          new Problem(
              file,
              mark == null ? 0 : mark.getLine() + 1,
              mark == null ? 0 : mark.getColumn() + 1,
              "units.error.yaml",
              List.of(String.valueOf(e.getProblem()))));
      return null;
    } catch (RuntimeException e) {
      problems.add(
          new Problem(file, 0, 0, "units.error.yaml", List.of(String.valueOf(e.getMessage()))));
      return null;
    }
    if (root == null) {
      problems.add(new Problem(file, 1, 1, "units.error.empty", List.of()));
      return null;
    }
    Y y = new Y(file, problems);
    Map<String, Node> top = y.map(root, Set.of("units"));
    if (top == null) {
      return null;
    }
    Node list = top.get("units");
    if (list == null) {
      y.at(root, "units.error.missingKey", "units");
      return null;
    }
    if (!(list instanceof SequenceNode seq)) {
      y.at(list, "units.error.expectedList");
      return null;
    }
    if (seq.getValue().size() > MAX_ROWS) {
      y.at(list, "units.error.tooManyRows", MAX_ROWS);
      return null;
    }
    List<UnitRegistry.Sourced> out = new ArrayList<>();
    for (Node n : seq.getValue()) {
      AdminUnit u = readYamlUnit(n, y);
      if (u != null) {
        out.add(new UnitRegistry.Sourced(u, file, line(n), column(n)));
      }
    }
    return out;
  }

  private static AdminUnit readYamlUnit(Node n, Y y) {
    int before = y.problems.size();
    Map<String, Node> m = y.map(n, UNIT_KEYS);
    if (m == null) {
      return null;
    }
    String code = y.required(m, "code", n);
    String name = y.required(m, "name", n);
    String level = y.required(m, "level", n);
    if (code != null) {
      y.check(m.get("code"), AdminUnit.codeProblem(code), code);
    }
    if (name != null) {
      y.check(m.get("name"), AdminUnit.nameProblem(name), name);
    }
    if (level != null) {
      y.check(m.get("level"), AdminUnit.levelProblem(level), level);
    }
    String parent = y.optional(m, "parentCode");
    if (parent != null) {
      y.check(m.get("parentCode"), AdminUnit.codeProblem(parent), parent);
    }
    LocalDate from = y.date(m.get("validFrom"));
    LocalDate to = y.date(m.get("validTo"));
    if (from != null && to != null) {
      y.check(m.get("validTo"), AdminUnit.periodProblem(from, to), from, to);
    }
    List<String> successors = new ArrayList<>();
    Node sn = m.get("successors");
    if (sn != null && !isNull(sn)) {
      List<Node> items = sn instanceof SequenceNode s ? s.getValue() : List.of(sn);
      for (Node item : items) {
        String c = y.text(item);
        if (c != null && y.check(item, AdminUnit.codeProblem(c), c)) {
          successors.add(c);
        }
      }
    }
    AdminUnit.Head head = null;
    Node hn = m.get("head");
    if (hn != null && !isNull(hn)) {
      Map<String, Node> hm = y.map(hn, Set.of("name", "title", "email"));
      if (hm != null) {
        String hName = y.required(hm, "name", hn);
        String title = y.optional(hm, "title");
        String email = y.optional(hm, "email");
        String problem = AdminUnit.Head.problem(hName, title, email);
        if (hName != null && problem != null) {
          Node at =
              switch (problem) {
                case "units.error.badHeadTitle" -> hm.get("title");
                case "units.error.badEmail" -> hm.get("email");
                default -> hm.get("name");
              };
          y.at(at, problem);
        } else if (problem == null) {
          head = new AdminUnit.Head(hName, title, email);
        }
      }
    }
    Integer staff = y.count(m.get("expectedStaff"));
    Integer machines = y.count(m.get("expectedMachines"));
    if (y.problems.size() > before) {
      return null;
    }
    return new AdminUnit(code, name, level, parent, from, to, successors, head, staff, machines);
  }

  private static int line(Node n) {
    return n.getStartMark().getLine() + 1;
  }

  private static int column(Node n) {
    return n.getStartMark().getColumn() + 1;
  }

  private static boolean isNull(Node n) {
    return n instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
  }

  /** YAML reading helpers that record problems at the node's place. */
  private static final class Y {
    final String file;
    final List<Problem> problems;

    Y(String file, List<Problem> problems) {
      this.file = file;
      this.problems = problems;
    }

    void at(Node n, String key, Object... args) {
      problems.add(new Problem(file, line(n), column(n), key, List.of(args)));
    }

    /** Adds the problem {@code key} (when not null) at {@code n}; true when there was none. */
    boolean check(Node n, String key, Object... args) {
      if (key == null) {
        return true;
      }
      at(n, key, args);
      return false;
    }

    Map<String, Node> map(Node n, Set<String> known) {
      if (!(n instanceof MappingNode m)) {
        at(n, "units.error.expectedMap");
        return null;
      }
      Map<String, Node> out = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
        if (!known.contains(key)) {
          at(
              t.getKeyNode(),
              "units.error.unknownKey",
              key,
              String.join(", ", known.stream().sorted().toList()));
          continue;
        }
        out.put(key, t.getValueNode());
      }
      return out;
    }

    String text(Node n) {
      if (n instanceof ScalarNode s && !isNull(n)) {
        return s.getValue();
      }
      at(n, "units.error.expectedScalar");
      return null;
    }

    String required(Map<String, Node> m, String key, Node parent) {
      Node n = m.get(key);
      if (n == null || isNull(n)) {
        at(parent, "units.error.missingKey", key);
        return null;
      }
      return text(n);
    }

    String optional(Map<String, Node> m, String key) {
      Node n = m.get(key);
      return n == null || isNull(n) ? null : text(n);
    }

    LocalDate date(Node n) {
      if (n == null || isNull(n)) {
        return null;
      }
      String t = text(n);
      if (t == null) {
        return null;
      }
      try {
        return LocalDate.parse(t);
      } catch (DateTimeParseException e) {
        at(n, "units.error.expectedDate", t);
        return null;
      }
    }

    Integer count(Node n) {
      if (n == null || isNull(n)) {
        return null;
      }
      String t = text(n);
      if (t == null) {
        return null;
      }
      Integer v = parseCount(t);
      if (v == null) {
        at(n, "units.error.expectedCount", t);
      }
      return v;
    }
  }

  static Integer parseCount(String t) {
    try {
      int v = Integer.parseInt(t.trim());
      return v < 0 ? null : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // ---- CSV ----

  private static List<UnitRegistry.Sourced> readCsv(
      String text, String file, List<Problem> problems) {
    List<Csv.Row> rows = Csv.parse(text, file, MAX_ROWS + 1, problems);
    if (rows == null) {
      return null;
    }
    if (rows.isEmpty()) {
      problems.add(new Problem(file, 1, 1, "units.error.empty", List.of()));
      return null;
    }
    Csv.Row header = rows.get(0);
    Map<String, Integer> col = new LinkedHashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      Csv.Field f = header.fields().get(i);
      String name = f.text().trim();
      if (!CSV_COLUMNS.contains(name)) {
        problems.add(
            new Problem(
                file,
                f.line(),
                f.column(),
                "units.error.unknownColumn",
                List.of(name, String.join(", ", CSV_COLUMNS))));
      } else if (col.putIfAbsent(name, i) != null) {
        problems.add(
            new Problem(file, f.line(), f.column(), "units.error.duplicateColumn", List.of(name)));
      }
    }
    for (String required : List.of("code", "name", "level")) {
      if (!col.containsKey(required)) {
        problems.add(
            new Problem(file, header.line(), 1, "units.error.missingColumn", List.of(required)));
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    List<UnitRegistry.Sourced> out = new ArrayList<>();
    for (Csv.Row row : rows.subList(1, rows.size())) {
      if (row.fields().size() != header.fields().size()) {
        problems.add(
            new Problem(
                file,
                row.line(),
                1,
                "units.error.csvFieldCount",
                List.of(header.fields().size(), row.fields().size())));
        continue;
      }
      AdminUnit u = readCsvUnit(row, col, file, problems);
      if (u != null) {
        out.add(new UnitRegistry.Sourced(u, file, row.line(), 1));
      }
    }
    return out;
  }

  private static AdminUnit readCsvUnit(
      Csv.Row row, Map<String, Integer> col, String file, List<Problem> problems) {
    int before = problems.size();
    CsvCells c = new CsvCells(row, col, file, problems);
    String code = c.text("code");
    String name = c.text("name");
    String level = c.text("level");
    c.check("code", code == null ? "units.error.missingValue" : AdminUnit.codeProblem(code), code);
    c.check("name", name == null ? "units.error.missingValue" : AdminUnit.nameProblem(name), name);
    c.check(
        "level", level == null ? "units.error.missingValue" : AdminUnit.levelProblem(level), level);
    String parent = c.text("parentCode");
    if (parent != null) {
      c.check("parentCode", AdminUnit.codeProblem(parent), parent);
    }
    LocalDate from = c.date("validFrom");
    LocalDate to = c.date("validTo");
    if (from != null && to != null) {
      c.check("validTo", AdminUnit.periodProblem(from, to), from, to);
    }
    List<String> successors = new ArrayList<>();
    String succ = c.text("successors");
    if (succ != null) {
      for (String s : succ.split(";", -1)) {
        String t = s.trim();
        if (c.check("successors", AdminUnit.codeProblem(t), t)) {
          successors.add(t);
        }
      }
    }
    AdminUnit.Head head = null;
    String hName = c.text("headName");
    String hTitle = c.text("headTitle");
    String hEmail = c.text("headEmail");
    if (hName != null || hTitle != null || hEmail != null) {
      String problem = AdminUnit.Head.problem(hName, hTitle, hEmail);
      String column =
          problem == null
              ? null
              : switch (problem) {
                case "units.error.badHeadTitle" -> "headTitle";
                case "units.error.badEmail" -> "headEmail";
                default -> "headName";
              };
      if (c.check(column, problem)) {
        head = new AdminUnit.Head(hName, hTitle, hEmail);
      }
    }
    Integer staff = c.count("expectedStaff");
    Integer machines = c.count("expectedMachines");
    if (problems.size() > before) {
      return null;
    }
    return new AdminUnit(code, name, level, parent, from, to, successors, head, staff, machines);
  }

  /** The cells of one CSV row, by column name, with problems at the cell's place. */
  private record CsvCells(
      Csv.Row row, Map<String, Integer> col, String file, List<Problem> problems) {
    String text(String column) {
      Integer i = col.get(column);
      if (i == null) {
        return null;
      }
      String t = row.get(i).trim();
      return t.isEmpty() ? null : t;
    }

    boolean check(String column, String key, Object... args) {
      if (key == null) {
        return true;
      }
      Csv.Field f = row.field(col.get(column));
      problems.add(new Problem(file, f.line(), f.column(), key, List.of(args)));
      return false;
    }

    LocalDate date(String column) {
      String t = text(column);
      if (t == null) {
        return null;
      }
      try {
        return LocalDate.parse(t);
      } catch (DateTimeParseException e) {
        check(column, "units.error.expectedDate", t);
        return null;
      }
    }

    Integer count(String column) {
      String t = text(column);
      if (t == null) {
        return null;
      }
      Integer v = parseCount(t);
      if (v == null) {
        check(column, "units.error.expectedCount", t);
      }
      return v;
    }
  }

  // ---- bytes ----

  static byte[] readFile(Path file, String name, List<Problem> problems) {
    try {
      if (!Files.isRegularFile(file)) {
        problems.add(new Problem(name, 0, 0, "units.error.notFound", List.of()));
        return null;
      }
      if (Files.size(file) > MAX_BYTES) {
        problems.add(new Problem(name, 0, 0, "units.error.tooLarge", List.of(MAX_BYTES)));
        return null;
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add(
          new Problem(name, 0, 0, "units.error.io", List.of(String.valueOf(e.getMessage()))));
      return null;
    }
  }

  private static byte[] readBundled(String rel, String name, List<Problem> problems) {
    if (rel.contains("..") || rel.startsWith("/")) {
      problems.add(new Problem(name, 0, 0, "units.error.notFound", List.of()));
      return null;
    }
    try (InputStream in = UnitsLoader.class.getResourceAsStream("/standards/" + rel)) {
      if (in == null) {
        problems.add(new Problem(name, 0, 0, "units.error.notFound", List.of()));
        return null;
      }
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        problems.add(new Problem(name, 0, 0, "units.error.tooLarge", List.of(MAX_BYTES)));
        return null;
      }
      return bytes;
    } catch (IOException e) {
      problems.add(
          new Problem(name, 0, 0, "units.error.io", List.of(String.valueOf(e.getMessage()))));
      return null;
    }
  }

  static String decode(byte[] bytes, String name, List<Problem> problems) {
    String text = YamlNode.strictUtf8(bytes);
    if (text == null) {
      problems.add(new Problem(name, 0, 0, "units.error.notUtf8", List.of()));
    }
    return text;
  }
}
