package vn.hatang.core.standard;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

/**
 * A YAML node that remembers its line and column, so that every problem in a standards file (or a
 * waivers or attestations file) can be reported as {@code file:line:col}. Reading helpers record
 * problems in a shared list instead of throwing, so a validation reports them all at once. Not
 * thread-safe; one per load.
 */
public final class YamlNode {
  private final Node node;
  private final Context ctx;

  /** The file being read and the problems found so far. */
  public static final class Context {
    final String file;
    final List<Problem> problems = new ArrayList<>();

    public Context(String file) {
      this.file = file;
    }

    /** The problems found so far, in the order found. */
    public List<Problem> problems() {
      return problems;
    }

    /** Records a problem at a place (line 0 for the whole file). */
    public void add(int line, int col, String key, Object... args) {
      problems.add(new Problem(file, line, col, key, List.of(args)));
    }
  }

  private YamlNode(Node node, Context ctx) {
    this.node = node;
    this.ctx = ctx;
  }

  /** The bytes as UTF-8 text, or {@code null} when they are not valid UTF-8 (nothing replaced). */
  public static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Parses a document; returns {@code null} (with a problem recorded) when it is not YAML. */
  public static YamlNode parse(String text, Context ctx) {
    return parse(text, ctx, 1024 * 1024, "standard.error.empty");
  }

  /**
   * Reads a UTF-8 YAML file of at most {@code maxBytes} bytes: its root node, or {@code null} with
   * a problem recorded (too large, unreadable, not UTF-8, not YAML, or empty: {@code emptyKey}).
   */
  public static YamlNode readFile(Path file, long maxBytes, String emptyKey, Context ctx) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        ctx.add(0, 0, "standard.error.tooLarge", maxBytes);
        return null;
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      ctx.add(0, 0, "standard.error.io", String.valueOf(e.getMessage()));
      return null;
    }
    String text = strictUtf8(bytes);
    if (text == null) {
      ctx.add(0, 0, "standard.error.notUtf8");
      return null;
    }
    return parse(text, ctx, (int) Math.min(Integer.MAX_VALUE, maxBytes), emptyKey);
  }

  private static YamlNode parse(String text, Context ctx, int codePointLimit, String emptyKey) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10);
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(codePointLimit);
    try {
      Node root = new Yaml(options).compose(new StringReader(text));
      if (root == null) {
        ctx.add(1, 1, emptyKey);
        return null;
      }
      return new YamlNode(root, ctx);
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      ctx.add(
          mark == null ? 0 : mark.getLine() + 1,
          mark == null ? 0 : mark.getColumn() + 1,
          "standard.error.yaml",
          e.getProblem());
      return null;
    } catch (RuntimeException e) {
      ctx.add(0, 0, "standard.error.yaml", e.getMessage());
      return null;
    }
  }

  public int line() {
    return node.getStartMark().getLine() + 1;
  }

  public int column() {
    return node.getStartMark().getColumn() + 1;
  }

  public void problem(String key, Object... args) {
    ctx.add(line(), column(), key, args);
  }

  public boolean isMap() {
    return node instanceof MappingNode;
  }

  public boolean isList() {
    return node instanceof SequenceNode;
  }

  public boolean isScalar() {
    return node instanceof ScalarNode;
  }

  /** The entries of a mapping, in file order, or an empty map (with a problem) if not a mapping. */
  public Map<String, YamlNode> map() {
    Map<String, YamlNode> out = new LinkedHashMap<>();
    if (!(node instanceof MappingNode m)) {
      problem("standard.error.expectedMap");
      return out;
    }
    for (NodeTuple t : m.getValue()) {
      String key =
          t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
      out.put(key, new YamlNode(t.getValueNode(), ctx));
    }
    return out;
  }

  /** Reports every key of this mapping that is not in {@code known}. */
  public Map<String, YamlNode> mapWithKeys(Set<String> known) {
    Map<String, YamlNode> entries = map();
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
        if (!known.contains(key)) {
          Node k = t.getKeyNode();
          ctx.add(
              k.getStartMark().getLine() + 1,
              k.getStartMark().getColumn() + 1,
              "standard.error.unknownKey",
              key,
              String.join(", ", known.stream().sorted().toList()));
        }
      }
    }
    return entries;
  }

  public List<YamlNode> list() {
    List<YamlNode> out = new ArrayList<>();
    if (!(node instanceof SequenceNode s)) {
      problem("standard.error.expectedList");
      return out;
    }
    for (Node n : s.getValue()) {
      out.add(new YamlNode(n, ctx));
    }
    return out;
  }

  /** A scalar's text, or {@code null} (with a problem) when not a scalar or null. */
  public String text() {
    if (node instanceof ScalarNode s && !"tag:yaml.org,2002:null".equals(s.getTag().getValue())) {
      return s.getValue();
    }
    problem("standard.error.expectedScalar");
    return null;
  }

  public boolean isNull() {
    return node instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
  }

  /** The YAML core type of a scalar: {@code int}, {@code float}, {@code bool}, {@code str}... */
  public String scalarType() {
    if (node instanceof ScalarNode s) {
      String tag = s.getTag().getValue();
      return tag.substring(tag.lastIndexOf(':') + 1);
    }
    return isList() ? "seq" : "map";
  }

  public Double number() {
    String t = text();
    if (t == null) {
      return null;
    }
    try {
      Double d = Double.valueOf(t.replace("_", ""));
      if (!Double.isFinite(d)) {
        problem("standard.error.expectedNumber", t);
        return null;
      }
      return d;
    } catch (NumberFormatException e) {
      problem("standard.error.expectedNumber", t);
      return null;
    }
  }

  public Integer integer() {
    String t = text();
    if (t == null) {
      return null;
    }
    try {
      return Integer.valueOf(t.replace("_", ""));
    } catch (NumberFormatException e) {
      problem("standard.error.expectedInteger", t);
      return null;
    }
  }

  public LocalDate date() {
    String t = text();
    if (t == null) {
      return null;
    }
    try {
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      problem("standard.error.expectedDate", t);
      return null;
    }
  }

  /** A list of strings; a single scalar counts as a one-element list. */
  public List<String> strings() {
    List<String> out = new ArrayList<>();
    if (isScalar()) {
      String t = text();
      if (t != null) {
        out.add(t);
      }
      return out;
    }
    for (YamlNode n : list()) {
      String t = n.text();
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** Reads {@code {vi: ..., en: ...}}; both languages are required. */
  public LocalizedText localized() {
    Map<String, YamlNode> m = mapWithKeys(Set.of("vi", "en"));
    if (!isMap()) {
      return null;
    }
    String vi = m.containsKey("vi") ? m.get("vi").text() : null;
    String en = m.containsKey("en") ? m.get("en").text() : null;
    if (vi == null || en == null) {
      problem("standard.error.needBothLanguages");
    }
    return new LocalizedText(vi, en);
  }

  public static YamlNode required(Map<String, YamlNode> map, String key, YamlNode parent) {
    YamlNode n = map.get(key);
    if (n == null || n.isNull()) {
      parent.problem("standard.error.missingKey", key);
      return null;
    }
    return n;
  }

  /** A required, non-blank text, stripped, or {@code null} with a problem. */
  public static String requiredText(Map<String, YamlNode> map, String key, YamlNode parent) {
    YamlNode n = required(map, key, parent);
    if (n == null) {
      return null;
    }
    String t = n.text();
    if (t != null && t.isBlank()) {
      n.problem("standard.error.missingKey", key);
      return null;
    }
    return t == null ? null : t.strip();
  }
}
