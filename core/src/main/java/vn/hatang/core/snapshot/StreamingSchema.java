package vn.hatang.core.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The snapshot schema compiled into a form that is checked while Jackson reads the document, in the
 * same pass that binds it: the hot path of the collector and of {@code check} / {@code report} over
 * thousands of files.
 *
 * <p>It understands only the keywords the snapshot schema uses ({@link #KEYWORDS}) and refuses to
 * compile a schema with any other, so a keyword added to the schema cannot be silently ignored
 * here. It is allowed to be <em>stricter</em> than the JSON Schema validator, never looser: where a
 * case is subtle (a float on an integer, a number exactly on a bound, a big integer, duplicate
 * keys, trailing content) it reports a violation and {@link SnapshotCodec} falls back to the full
 * validator, which decides and words the message. Violations carry no message for that reason.
 *
 * <p>Thread-safe once compiled; each {@link #wrap} returns a parser with its own state.
 */
final class StreamingSchema {

  /** The keywords this compiler understands; annotations included. */
  static final Set<String> KEYWORDS =
      Set.of(
          "$schema",
          "$id",
          "$comment",
          "title",
          "description",
          "examples",
          "type",
          "properties",
          "additionalProperties",
          "required",
          "items",
          "maxItems",
          "maxLength",
          "minimum",
          "maximum",
          "enum",
          "const",
          "pattern");

  private static final int OBJECT = 1;
  private static final int ARRAY = 2;
  private static final int STRING = 4;
  private static final int INTEGER = 8;
  private static final int NUMBER = 16;
  private static final int BOOLEAN = 32;
  private static final int NULL = 64;
  private static final int ANY = 127;

  /** Accepts everything: a property the schema does not describe under {@code true}. */
  private static final Node OPEN = new Node();

  private final Node root;

  private StreamingSchema(Node root) {
    this.root = root;
  }

  /**
   * Compiles a schema document.
   *
   * @throws IllegalArgumentException when it uses a keyword outside {@link #KEYWORDS} or a form of
   *     one this compiler does not handle
   */
  static StreamingSchema compile(JsonNode schema) {
    return new StreamingSchema(compileNode(schema, "$"));
  }

  /** A parser that checks every token it hands to Jackson against the schema. */
  Parser wrap(JsonParser parser) {
    return new Parser(parser, root);
  }

  /** The document breaks the schema (or is a case left to the full validator). */
  static final class Violation extends IOException {
    Violation() {
      super(null, null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // control flow only: the caller falls back to the full validator
    }
  }

  private static final class Node {
    int types = ANY;

    /** Declared properties, each with its index in {@link Frame#seen}. */
    Map<String, Property> properties = Map.of();

    /**
     * The same, in schema order and with interned names: a writer emits properties in one order, so
     * the one after the last seen is tried first, by identity (Jackson interns field names).
     */
    String[] names = new String[0];

    Property[] byIndex = new Property[0];

    /** {@code null} = no other property allowed. */
    Node additional = OPEN;

    /** Bits of the required properties' indices. */
    long required;

    Node items = OPEN;
    int maxItems = Integer.MAX_VALUE;
    int maxLength = Integer.MAX_VALUE;

    /** Bounds as written, and as the nearest long (integers) and double (floats) for speed. */
    BigDecimal minimum;

    BigDecimal maximum;
    long minLong = Long.MIN_VALUE;
    long maxLong = Long.MAX_VALUE;
    double minDouble = Double.NEGATIVE_INFINITY;
    double maxDouble = Double.POSITIVE_INFINITY;

    /** The pattern, matched by hand where it is a known one ({@link KnownPatterns}). */
    Predicate<String> pattern;

    /** Allowed values (enum or const): strings as {@link String}, numbers as {@link BigDecimal}. */
    Set<Object> allowed;

    /** The allowed strings, compared with the text as read (no string made for it). */
    String[] allowedTexts = new String[0];

    boolean allowsNull;
  }

  private record Property(int index, Node node) {}

  private static Node compileNode(JsonNode schema, String where) {
    if (schema.isBoolean()) {
      if (schema.booleanValue()) {
        return OPEN;
      }
      throw new IllegalArgumentException(where + ": false schema not supported");
    }
    if (!schema.isObject()) {
      throw new IllegalArgumentException(where + ": schema must be an object");
    }
    Node node = new Node();
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String keyword = it.next();
      if (!KEYWORDS.contains(keyword)) {
        throw new IllegalArgumentException(where + ": keyword '" + keyword + "' not supported");
      }
    }
    JsonNode type = schema.get("type");
    if (type != null) {
      node.types = 0;
      if (type.isArray()) {
        type.forEach(t -> node.types |= typeBit(t.asText(), where));
      } else {
        node.types = typeBit(type.asText(), where);
      }
      // JSON Schema's "number" includes integers.
      if ((node.types & NUMBER) != 0) {
        node.types |= INTEGER;
      }
    }
    JsonNode properties = schema.get("properties");
    if (properties != null) {
      if (properties.size() > 64) {
        throw new IllegalArgumentException(where + ": more than 64 properties");
      }
      Map<String, Property> map = new HashMap<>();
      properties
          .fields()
          .forEachRemaining(
              e ->
                  map.put(
                      e.getKey(),
                      new Property(
                          map.size(), compileNode(e.getValue(), where + "." + e.getKey()))));
      node.properties = map;
      node.names = new String[map.size()];
      node.byIndex = new Property[map.size()];
      map.forEach(
          (name, property) -> {
            node.names[property.index()] = name.intern();
            node.byIndex[property.index()] = property;
          });
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null) {
      node.additional =
          additional.isBoolean() && !additional.booleanValue()
              ? null
              : compileNode(additional, where + ".additionalProperties");
    }
    for (JsonNode required : schema.path("required")) {
      Property property = node.properties.get(required.asText());
      if (property == null) {
        throw new IllegalArgumentException(
            where + ": required '" + required.asText() + "' is not under properties");
      }
      node.required |= 1L << property.index();
    }
    JsonNode items = schema.get("items");
    if (items != null) {
      node.items = compileNode(items, where + "[]");
    }
    node.maxItems = intKeyword(schema, "maxItems", node.maxItems);
    node.maxLength = intKeyword(schema, "maxLength", node.maxLength);
    if (schema.has("minimum")) {
      node.minimum = schema.get("minimum").decimalValue();
      node.minDouble = node.minimum.doubleValue();
      node.minLong = toLong(node.minimum.setScale(0, RoundingMode.CEILING));
    }
    if (schema.has("maximum")) {
      node.maximum = schema.get("maximum").decimalValue();
      node.maxDouble = node.maximum.doubleValue();
      node.maxLong = toLong(node.maximum.setScale(0, RoundingMode.FLOOR));
    }
    if (schema.has("pattern")) {
      String regex = schema.get("pattern").asText();
      node.pattern = KnownPatterns.matcher(regex, Pattern.compile(regex));
    }
    if (schema.has("enum") || schema.has("const")) {
      Set<Object> allowed = new HashSet<>();
      List<JsonNode> values = new ArrayList<>();
      if (schema.has("const")) {
        values.add(schema.get("const"));
      }
      if (schema.has("enum")) {
        schema.get("enum").forEach(values::add);
      }
      for (JsonNode v : values) {
        if (v.isTextual()) {
          allowed.add(v.textValue());
        } else if (v.isNumber()) {
          allowed.add(v.decimalValue().stripTrailingZeros());
        } else if (v.isNull()) {
          node.allowsNull = true;
        } else {
          throw new IllegalArgumentException(where + ": enum/const value " + v + " not supported");
        }
      }
      node.allowed = allowed;
      node.allowedTexts = allowed.stream().filter(String.class::isInstance).toArray(String[]::new);
    }
    return node;
  }

  private static long toLong(BigDecimal integral) {
    if (integral.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Long.MAX_VALUE;
    }
    if (integral.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      return Long.MIN_VALUE;
    }
    return integral.longValueExact();
  }

  private static int intKeyword(JsonNode schema, String keyword, int otherwise) {
    JsonNode value = schema.get(keyword);
    return value == null ? otherwise : value.intValue();
  }

  private static int typeBit(String type, String where) {
    return switch (type) {
      case "object" -> OBJECT;
      case "array" -> ARRAY;
      case "string" -> STRING;
      case "integer" -> INTEGER;
      case "number" -> NUMBER;
      case "boolean" -> BOOLEAN;
      case "null" -> NULL;
      default -> throw new IllegalArgumentException(where + ": unknown type '" + type + "'");
    };
  }

  /** One open object or array: its schema and what has been seen in it. Reused per depth. */
  private static final class Frame {
    Node node;
    boolean object;

    /** Bits of the declared properties seen (objects). */
    long seen;

    /** Index of the declared property expected next (objects): the one after the last seen. */
    int next;

    /** Other property names seen, when the schema allows them (objects). */
    Set<String> others;

    /** Items so far (arrays). */
    int count;

    Frame open(Node node, boolean object) {
      this.node = node;
      this.object = object;
      seen = 0;
      next = 0;
      others = null;
      count = 0;
      return this;
    }
  }

  /**
   * A parser that validates each token as Jackson pulls it. Every way of advancing goes through
   * {@link #nextToken()}; {@link #finished()} says whether one whole document passed.
   */
  static final class Parser extends JsonParserDelegate {
    private final Node root;

    /** Open objects and arrays, outermost first; {@code frame} is the innermost (depth > 0). */
    private Frame[] stack = new Frame[16];

    private int depth;
    private Frame frame;

    /** Schema of the next value inside the current object, set by its field name. */
    private Node pending;

    private boolean started;
    private boolean finished;

    /**
     * The current string value as the schema's own instance when it is one of an enum's: read a
     * thousand times over, each the same few words (a probe's status), made once.
     */
    private String canonical;

    Parser(JsonParser parser, Node root) {
      super(parser);
      this.root = root;
    }

    /** Whether a whole top-level value was read and passed. */
    boolean finished() {
      return finished;
    }

    @Override
    public JsonToken nextToken() throws IOException {
      canonical = null;
      JsonToken token = delegate.nextToken();
      if (token != null) {
        check(token);
      }
      return token;
    }

    @Override
    public String getText() throws IOException {
      String c = canonical;
      return c != null ? c : delegate.getText();
    }

    @Override
    public JsonToken nextValue() throws IOException {
      JsonToken token = nextToken();
      return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
      JsonToken current = currentToken();
      if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
        return this;
      }
      int open = 1;
      while (open > 0) {
        JsonToken token = nextToken();
        if (token == null) {
          return this;
        }
        if (token.isStructStart()) {
          open++;
        } else if (token.isStructEnd()) {
          open--;
        }
      }
      return this;
    }

    @Override
    public void finishToken() {
      // Nothing lazy to finish that the checks have not already read.
    }

    private void check(JsonToken token) throws IOException {
      if (finished) {
        throw new Violation(); // trailing content: left to the full reader
      }
      if (token == JsonToken.FIELD_NAME) {
        field();
        return;
      }
      if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        end();
        return;
      }
      Node node = valueSchema();
      switch (token) {
        case START_OBJECT -> {
          require(node, OBJECT);
          scalarsOnly(node);
          push(node, true);
        }
        case START_ARRAY -> {
          require(node, ARRAY);
          scalarsOnly(node);
          push(node, false);
        }
        case VALUE_STRING -> string(node);
        case VALUE_NUMBER_INT -> integer(node);
        case VALUE_NUMBER_FLOAT -> decimal(node);
        case VALUE_TRUE, VALUE_FALSE -> {
          require(node, BOOLEAN);
          if (node.allowed != null) {
            throw new Violation();
          }
        }
        case VALUE_NULL -> {
          require(node, NULL);
          if (node.allowed != null && !node.allowsNull) {
            throw new Violation();
          }
        }
        default -> throw new Violation(); // embedded objects, NOT_AVAILABLE: not JSON text
      }
      if (depth == 0) {
        finished = true;
      }
    }

    private void push(Node node, boolean object) {
      if (depth == stack.length) {
        stack = java.util.Arrays.copyOf(stack, depth * 2);
      }
      Frame f = stack[depth];
      if (f == null) {
        f = stack[depth] = new Frame();
      }
      frame = f.open(node, object);
      depth++;
    }

    /** The schema of the value just read; counts array items. */
    private Node valueSchema() throws Violation {
      if (depth == 0) {
        if (started) {
          throw new Violation();
        }
        started = true;
        return root;
      }
      Frame frame = this.frame;
      if (frame.object) {
        Node node = pending;
        pending = null;
        return node;
      }
      if (++frame.count > frame.node.maxItems) {
        throw new Violation();
      }
      return frame.node.items;
    }

    private void field() throws IOException {
      Frame frame = this.frame;
      String name = delegate.currentName();
      Node node = frame.node;
      int next = frame.next;
      Property property =
          next < node.names.length && node.names[next] == name
              ? node.byIndex[next]
              : node.properties.get(name);
      if (property != null) {
        frame.next = property.index() + 1;
        long bit = 1L << property.index();
        if ((frame.seen & bit) != 0) {
          throw new Violation(); // duplicate key: the tree keeps the last, binding may not
        }
        frame.seen |= bit;
        pending = property.node();
        return;
      }
      if (frame.node.additional == null) {
        throw new Violation();
      }
      if (frame.others == null) {
        frame.others = new HashSet<>();
      }
      if (!frame.others.add(name)) {
        throw new Violation();
      }
      pending = frame.node.additional;
    }

    private void end() throws Violation {
      Frame frame = this.frame;
      if (frame.object && (frame.seen & frame.node.required) != frame.node.required) {
        throw new Violation();
      }
      depth--;
      if (depth == 0) {
        finished = true;
        this.frame = null;
      } else {
        this.frame = stack[depth - 1];
      }
    }

    private void string(Node node) throws IOException {
      require(node, STRING);
      if (node.allowed != null && node.pattern == null && node.maxLength == Integer.MAX_VALUE) {
        canonical = allowedText(node.allowedTexts);
        if (canonical == null) {
          throw new Violation();
        }
        return;
      }
      if (node.allowed == null && node.pattern == null) {
        if (delegate.getTextLength() <= node.maxLength) {
          return; // UTF-16 units >= code points: no need to look at the text
        }
      }
      String text = delegate.getText();
      if (text.length() > node.maxLength
          && text.codePointCount(0, text.length()) > node.maxLength) {
        throw new Violation();
      }
      if (node.allowed != null && !node.allowed.contains(text)) {
        throw new Violation();
      }
      if (node.pattern != null && (lineBreak(text) || !node.pattern.test(text))) {
        throw new Violation();
      }
    }

    private void integer(Node node) throws IOException {
      require(node, INTEGER);
      if (delegate.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw new Violation();
      }
      long value = delegate.getLongValue();
      if (value < node.minLong || value > node.maxLong) {
        throw new Violation();
      }
      if (node.allowed != null
          && !node.allowed.contains(BigDecimal.valueOf(value).stripTrailingZeros())) {
        throw new Violation();
      }
    }

    private void decimal(Node node) throws IOException {
      // A float on an "integer" (1.0 is one in JSON Schema) is left to the full validator.
      require(node, NUMBER);
      if (node.allowed == null
          && node.maximum == null
          && (node.minimum == null || node.minimum.signum() <= 0)
          && delegate.getTextLength() > 0
          && delegate.getTextCharacters()[delegate.getTextOffset()] != '-') {
        return; // written without a minus sign: >= 0 >= minimum, no need to parse it
      }
      double value = delegate.getDoubleValue();
      if (!Double.isFinite(value) || value < node.minDouble || value > node.maxDouble) {
        throw new Violation();
      }
      // Rounding to a double can move a value just outside onto a bound (100.0000000000000001):
      // on a bound, compare the number as written, exactly.
      if (value == node.minDouble || value == node.maxDouble) {
        BigDecimal exact = delegate.getDecimalValue();
        if ((node.minimum != null && exact.compareTo(node.minimum) < 0)
            || (node.maximum != null && exact.compareTo(node.maximum) > 0)) {
          throw new Violation();
        }
      }
      if (node.allowed != null
          && !node.allowed.contains(delegate.getDecimalValue().stripTrailingZeros())) {
        throw new Violation();
      }
    }

    /** The allowed string the current text is, or {@code null}. */
    private String allowedText(String[] texts) throws IOException {
      char[] chars = delegate.getTextCharacters();
      int offset = delegate.getTextOffset();
      int length = delegate.getTextLength();
      for (String t : texts) {
        if (t.length() == length && same(t, chars, offset)) {
          return t;
        }
      }
      return null;
    }

    private static boolean same(String text, char[] chars, int offset) {
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) != chars[offset + i]) {
          return false;
        }
      }
      return true;
    }

    /**
     * Whether a text holds a line terminator. Java's {@code $} also matches before a final one
     * ({@code "096e\n"} matches {@code ^[0-9a-f]{4}$}), where JSON Schema's (ECMA 262) does not:
     * such a text is left to the full validator.
     */
    private static boolean lineBreak(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
          return true;
        }
      }
      return false;
    }

    /** Enum and const values are strings, numbers or null (as compiled): no object or array. */
    private static void scalarsOnly(Node node) throws Violation {
      if (node.allowed != null) {
        throw new Violation();
      }
    }

    private static void require(Node node, int type) throws Violation {
      if ((node.types & type) == 0) {
        throw new Violation();
      }
    }
  }
}
