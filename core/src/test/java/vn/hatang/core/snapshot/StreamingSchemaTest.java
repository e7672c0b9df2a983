package vn.hatang.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reader must never accept what the full JSON Schema validator refuses, must bind
 * exactly what the thorough reader binds, and must accept real snapshots (else it is no faster).
 */
class StreamingSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static JsonNode resource(String path) throws IOException {
    try (InputStream in = StreamingSchemaTest.class.getResourceAsStream(path)) {
      return JSON.readTree(in);
    }
  }

  private static JsonNode schema() throws IOException {
    return resource(SnapshotCodec.SCHEMA_RESOURCE);
  }

  private static byte[] bytes(JsonNode doc) throws IOException {
    return JSON.writeValueAsBytes(doc);
  }

  /** What the thorough reader makes of it: the snapshot, or null when it refuses. */
  private static Snapshot thorough(byte[] bytes) {
    try {
      return SnapshotCodec.readThorough(bytes, "t");
    } catch (SnapshotException e) {
      return null;
    }
  }

  @Test
  void refusesToCompileKeywordsItDoesNotKnow() {
    ObjectNode oneOf = F.objectNode();
    oneOf.putArray("oneOf").addObject().put("type", "string");
    assertThatThrownBy(() -> StreamingSchema.compile(oneOf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'oneOf'");
    ObjectNode nested = F.objectNode();
    nested.putObject("properties").putObject("a").put("format", "date-time");
    assertThatThrownBy(() -> StreamingSchema.compile(nested))
        .hasMessageContaining("$.a: keyword 'format'");
    assertThatThrownBy(() -> StreamingSchema.compile(F.booleanNode(false)))
        .hasMessageContaining("false schema");
  }

  @Test
  void theShippedSchemaCompiles() throws IOException {
    assertThat(StreamingSchema.compile(schema())).isNotNull();
  }

  @Test
  void bindsValidFixturesExactlyAsTheThoroughReader() throws IOException {
    for (String name :
        List.of(
            "compliant-pc.json",
            "disk-unknown-pc.json",
            "missing-sections-pc.json",
            "old-pc.json")) {
      byte[] bytes = bytes(resource("/snapshots/" + name));
      Snapshot fast = SnapshotCodec.readStreaming(bytes);
      assertThat(fast).as(name).isNotNull().isEqualTo(thorough(bytes));
      assertThat(SnapshotCodec.readHeaderStreaming(bytes)).isEqualTo(SnapshotHeader.of(fast));
    }
  }

  @Test
  void leavesEveryInvalidFixtureToTheThoroughReader() throws IOException {
    for (String name : List.of("future-version.json", "schema-violation.json", "malformed.json")) {
      byte[] bytes;
      try (InputStream in = getClass().getResourceAsStream("/snapshots/" + name)) {
        bytes = in.readAllBytes();
      }
      assertThat(thorough(bytes) == null).as("thorough reader refuses %s", name).isTrue();
      assertThat(SnapshotCodec.readStreaming(bytes) == null)
          .as("one-pass refuses %s", name)
          .isTrue();
    }
  }

  @Test
  void refusesTrailingContentAndDuplicateKeys() throws IOException {
    String valid =
        new String(bytes(resource("/snapshots/compliant-pc.json")), StandardCharsets.UTF_8);
    assertThat(SnapshotCodec.readStreaming((valid + " {}").getBytes(StandardCharsets.UTF_8)))
        .isNull();
    String twice = valid.replaceFirst("\\{", "{\"schemaVersion\":1,");
    assertThat(SnapshotCodec.readStreaming(twice.getBytes(StandardCharsets.UTF_8))).isNull();
  }

  /**
   * An enum's value is read as the schema's own string (one instance for every snapshot), the same
   * when written with an escape; a near miss is still refused by both readers.
   */
  @Test
  void anEnumValueIsTheSchemasOwnStringAndANearMissIsRefused() throws IOException {
    ObjectNode doc = (ObjectNode) resource("/snapshots/compliant-pc.json");
    Snapshot first = SnapshotCodec.readStreaming(bytes(doc));
    Snapshot second = SnapshotCodec.readStreaming(bytes(doc));
    String status = first.diagnostics().probes().get(0).status();
    assertThat(status).isEqualTo("OK");
    assertThat(second.diagnostics().probes().get(1).status()).isSameAs(status);
    assertThat(first.machine().machineIdSource()).isEqualTo("hardware");
    assertThat(second.machine().machineIdSource()).isSameAs(first.machine().machineIdSource());
    // A free text is made for each document, not shared.
    assertThat(second.machine().hostname()).isNotSameAs(first.machine().hostname());
    String escaped =
        new String(bytes(doc), StandardCharsets.UTF_8)
            .replace("\"status\":\"OK\"", "\"status\":\"O\\u004B\"");
    assertThat(escaped).contains("O\\u004B");
    Snapshot fromEscape = SnapshotCodec.readStreaming(escaped.getBytes(StandardCharsets.UTF_8));
    assertThat(fromEscape.diagnostics().probes().get(0).status()).isSameAs(status);
    assertThat(fromEscape).isEqualTo(thorough(escaped.getBytes(StandardCharsets.UTF_8)));
    for (String miss : List.of("Ok", "OK ", "O", "OKAY", "")) {
      ((ObjectNode) doc.at("/diagnostics/probes/0")).put("status", miss);
      assertThat(SnapshotCodec.readStreaming(bytes(doc))).as(miss).isNull();
      assertThat(thorough(bytes(doc))).as(miss).isNull();
    }
  }

  /**
   * Java's {@code $} matches before a final line break, JSON Schema's does not: a patterned value
   * ending with one is refused by the thorough reader and must not pass the one-pass reader.
   */
  @Test
  void aPatternedValueEndingWithALineBreakIsNotAccepted() throws IOException {
    ObjectNode doc = (ObjectNode) resource("/snapshots/compliant-pc.json");
    ((ObjectNode) doc.at("/peripherals/usbDevices/0")).put("vendorId", "096e\n");
    byte[] bytes = bytes(doc);
    assertThat(thorough(bytes)).isNull();
    assertThat(SnapshotCodec.readStreaming(bytes)).isNull();
    assertThat(SnapshotCodec.readHeaderStreaming(bytes)).isNull();
    assertThatThrownBy(() -> SnapshotCodec.read(bytes, "pc.json"))
        .isInstanceOf(SnapshotException.class)
        .hasMessageContaining("vendorId");
  }

  @Test
  void headerOfADateThatIsNoDateIsLeftToTheThoroughReader() throws IOException {
    ObjectNode doc = (ObjectNode) resource("/snapshots/compliant-pc.json");
    doc.put("takenAt", "2026-13-45T25:61Z"); // the schema's pattern takes it; no calendar does
    byte[] bytes = bytes(doc);
    assertThat(SnapshotCodec.readHeaderStreaming(bytes)).isNull();
    assertThatThrownBy(() -> SnapshotCodec.readHeader(bytes, "up.json"))
        .isInstanceOf(SnapshotException.class)
        .extracting(e -> ((SnapshotException) e).key())
        .isEqualTo("snapshot.error.binding");
  }

  @Test
  void headerOfAValidSnapshotWithoutUnit() throws Exception {
    ObjectNode doc = (ObjectNode) resource("/snapshots/compliant-pc.json");
    doc.remove("unit");
    SnapshotHeader header = SnapshotCodec.readHeader(bytes(doc), "up.json");
    assertThat(header.unitCode()).isNull();
    assertThat(header.machineId()).isEqualTo("5f0c9e3b8a7d4c2e1f0a9b8c7d6e5f40");
    assertThat(header.snapshotId()).hasToString("7d4f1c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b");
    assertThat(header.takenAt()).hasToString("2026-11-20T08:15:30+07:00");
  }

  /**
   * For every value the schema constrains in a full snapshot, a value just outside each constraint:
   * the thorough reader refuses it (so the mutation is a real violation) and the one-pass reader
   * does not accept it.
   */
  @Test
  void everyConstraintViolatedIsRefused() throws IOException {
    JsonNode doc = resource("/snapshots/compliant-pc.json");
    List<Mutant> mutants = new ArrayList<>();
    walk(schema(), doc, "", doc, mutants);
    assertThat(mutants).hasSizeGreaterThan(150);
    for (Mutant mutant : mutants) {
      byte[] bytes = bytes(mutant.doc());
      assertThat(thorough(bytes) == null).as("thorough reader refuses %s", mutant.what()).isTrue();
      assertThat(SnapshotCodec.readStreaming(bytes) == null)
          .as("one-pass refuses %s", mutant.what())
          .isTrue();
      assertThat(SnapshotCodec.readHeaderStreaming(bytes))
          .as("header of %s", mutant.what())
          .isNull();
    }
  }

  /**
   * Random edits anywhere in a full snapshot (values from a pool of awkward ones, keys removed or
   * added): whenever the one-pass reader accepts, the thorough reader accepts the same snapshot.
   */
  @Test
  void randomEditsNeverAcceptedByTheOnePassReaderAlone() throws IOException {
    JsonNode doc = resource("/snapshots/compliant-pc.json");
    List<String> paths = new ArrayList<>();
    paths(doc, "", paths);
    // More with -Dstreaming.edits=N -Dstreaming.seed=S (e.g. a million before a schema change).
    SplittableRandom random = new SplittableRandom(Long.getLong("streaming.seed", 20261126));
    int edits = Integer.getInteger("streaming.edits", 3000);
    int bothAccept = 0;
    int onlyThorough = 0;
    for (int i = 0; i < edits; i++) {
      JsonNode mutant = doc.deepCopy();
      int changes = 1 + random.nextInt(3);
      for (int c = 0; c < changes; c++) {
        edit(mutant, paths.get(random.nextInt(paths.size())), random);
      }
      byte[] bytes = bytes(mutant);
      Snapshot fast = SnapshotCodec.readStreaming(bytes);
      Snapshot slow = thorough(bytes);
      SnapshotHeader header = SnapshotCodec.readHeaderStreaming(bytes);
      if (header != null) {
        assertThat(slow).as("header read but thorough refuses: %s", mutant).isNotNull();
        assertThat(header).isEqualTo(SnapshotHeader.of(slow));
      }
      if (fast != null) {
        assertThat(slow).as("accepted by one-pass only: %s", mutant).isEqualTo(fast);
        bothAccept++;
      } else if (slow != null) {
        onlyThorough++;
      }
    }
    // Both kinds occur, and the one-pass reader takes most of what is valid (else it saves
    // nothing).
    assertThat(bothAccept).isGreaterThan(edits / 10);
    assertThat(onlyThorough).isLessThan(bothAccept / 10);
  }

  private static final List<JsonNode> POOL =
      List.of(
          F.textNode(""),
          F.textNode("x"),
          F.textNode("x".repeat(300)),
          F.textNode("ổ cứng SSD 😀"),
          F.textNode("2026-11-26T04:00:00+07:00"),
          F.textNode("2026-13-45T25:61Z"),
          F.textNode("0b5c1a52-7e3f-4f0e-9d8c-1a2b3c4d5e6f"),
          F.textNode("SSD"),
          F.textNode("096e\n"),
          F.textNode("00:e0:4c:5c:96:34\r\n"),
          F.textNode("internet\u2028"),
          F.numberNode(0),
          F.numberNode(-1),
          F.numberNode(1),
          F.numberNode(1.0),
          F.numberNode(2.5),
          F.numberNode(1e20),
          F.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
          F.numberNode(Long.MAX_VALUE),
          F.booleanNode(true),
          F.nullNode(),
          F.objectNode(),
          F.arrayNode(),
          F.objectNode().put("x", 1),
          F.arrayNode().add(1).add("a"));

  private static void edit(JsonNode doc, String path, SplittableRandom random) {
    int cut = path.lastIndexOf('/');
    JsonNode parent = doc.at(path.substring(0, cut));
    String last = path.substring(cut + 1);
    if (parent instanceof ObjectNode object) {
      switch (random.nextInt(6)) {
        case 0 -> object.remove(last);
        case 1 ->
            object.set(
                "extra" + random.nextInt(3), POOL.get(random.nextInt(POOL.size())).deepCopy());
        default -> object.set(last, POOL.get(random.nextInt(POOL.size())).deepCopy());
      }
    } else if (parent instanceof ArrayNode array && last.matches("\\d+")) {
      // (an earlier edit may have put an array where this path had an object)
      int index = Integer.parseInt(last);
      if (index < array.size()) {
        switch (random.nextInt(4)) {
          case 0 -> array.remove(index);
          case 1 -> array.add(array.get(index).deepCopy());
          default -> array.set(index, POOL.get(random.nextInt(POOL.size())).deepCopy());
        }
      }
    }
  }

  private static void paths(JsonNode node, String at, List<String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.add(at + "/" + e.getKey());
        paths(e.getValue(), at + "/" + e.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(at + "/" + i);
        paths(node.get(i), at + "/" + i, out);
      }
    }
  }

  /** A copy of the document with one constraint broken, and which. */
  private record Mutant(String what, JsonNode doc) {}

  /** Walks the document with its schema: mutants breaking each constraint met on the way. */
  private static void walk(
      JsonNode schema, JsonNode node, String at, JsonNode root, List<Mutant> out) {
    if (!at.isEmpty()) {
      for (JsonNode bad : outside(schema, node)) {
        out.add(new Mutant(at + " = " + bad, replaced(root, at, bad)));
      }
    }
    if (node.isObject()) {
      if (schema.path("additionalProperties").isBoolean()
          && !schema.path("additionalProperties").booleanValue()) {
        JsonNode copy = root.deepCopy();
        ((ObjectNode) (at.isEmpty() ? copy : copy.at(at))).put("notInSchema", 1);
        out.add(new Mutant(at + "/notInSchema added", copy));
      }
      for (JsonNode required : schema.path("required")) {
        JsonNode copy = root.deepCopy();
        ((ObjectNode) (at.isEmpty() ? copy : copy.at(at))).remove(required.asText());
        out.add(new Mutant(at + "/" + required.asText() + " removed", copy));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode sub = schema.path("properties").path(e.getKey());
        if (sub.isObject()) {
          walk(sub, e.getValue(), at + "/" + e.getKey(), root, out);
        }
      }
    } else if (node.isArray() && schema.has("items")) {
      if (schema.has("maxItems") && node.size() > 0) {
        JsonNode copy = root.deepCopy();
        ArrayNode array = (ArrayNode) copy.at(at);
        while (array.size() <= schema.get("maxItems").intValue()) {
          array.add(node.get(0).deepCopy());
        }
        out.add(new Mutant(at + " over maxItems", copy));
      }
      for (int i = 0; i < node.size(); i++) {
        walk(schema.get("items"), node.get(i), at + "/" + i, root, out);
      }
    }
  }

  /** Values just outside one constraint each of {@code schema} (which {@code value} meets). */
  private static List<JsonNode> outside(JsonNode schema, JsonNode value) {
    List<JsonNode> bad = new ArrayList<>();
    List<String> types = new ArrayList<>();
    schema.path("type").forEach(t -> types.add(t.asText()));
    if (schema.path("type").isTextual()) {
      types.add(schema.get("type").asText());
    }
    if (!types.isEmpty()) {
      if (!types.contains("string")) {
        bad.add(F.textNode("1"));
      }
      if (!types.contains("number") && !types.contains("integer")) {
        bad.add(F.numberNode(1));
      }
      if (!types.contains("null")) {
        bad.add(F.nullNode());
      }
      if (!types.contains("object")) {
        bad.add(F.objectNode());
      }
      if (!types.contains("array")) {
        bad.add(F.arrayNode());
      }
      if (!types.contains("boolean")) {
        bad.add(F.booleanNode(true));
      }
      if (types.contains("integer") && !types.contains("number")) {
        bad.add(F.numberNode(1.5));
      }
    }
    if (schema.has("maxLength") && value.isTextual()) {
      bad.add(F.textNode("ổ".repeat(schema.get("maxLength").intValue() + 1)));
    }
    // A fraction just outside a bound only where a double still tells it from the bound.
    BigDecimal step = new BigDecimal("0.001");
    if (schema.has("minimum") && value.isNumber()) {
      BigDecimal minimum = schema.get("minimum").decimalValue();
      bad.add(F.numberNode(minimum.subtract(BigDecimal.ONE)));
      if (minimum.abs().doubleValue() < 1e9) {
        bad.add(F.numberNode(minimum.subtract(step)));
      }
    }
    if (schema.has("maximum") && value.isNumber()) {
      BigDecimal maximum = schema.get("maximum").decimalValue();
      bad.add(F.numberNode(maximum.add(BigDecimal.ONE)));
      if (maximum.abs().doubleValue() < 1e9) {
        bad.add(F.numberNode(maximum.add(step)));
      }
    }
    if (schema.has("enum") || schema.has("const")) {
      bad.add(F.textNode("NOT-IN-ENUM"));
      bad.add(F.numberNode(987654));
      bad.add(F.objectNode());
      bad.add(F.arrayNode());
      bad.add(F.booleanNode(false));
    }
    if (schema.has("pattern") && value.isTextual()) {
      bad.add(F.textNode("!" + value.textValue()));
    }
    return bad;
  }

  private static JsonNode replaced(JsonNode root, String at, JsonNode value) {
    JsonNode copy = root.deepCopy();
    int cut = at.lastIndexOf('/');
    JsonNode parent = cut == 0 ? copy : copy.at(at.substring(0, cut));
    String last = at.substring(cut + 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else {
      ((ArrayNode) parent).set(Integer.parseInt(last), value);
    }
    return copy;
  }
}
