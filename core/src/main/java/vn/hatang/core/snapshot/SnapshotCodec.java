package vn.hatang.core.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Reads and writes snapshots (contract v1) as UTF-8 JSON, validating untrusted input against the
 * JSON Schema shipped in the jar ({@link #SCHEMA_RESOURCE}). Thread-safe.
 *
 * <p>Reading is strict and bounded: at most {@link #MAX_BYTES} bytes, well-formed JSON, a supported
 * {@code schemaVersion}, then every schema rule; the first failing step throws a {@link
 * SnapshotException} that names the place (line and column, or JSON path).
 */
public final class SnapshotCodec {

  /** Class-path location of the snapshot JSON Schema. */
  public static final String SCHEMA_RESOURCE = "/vn/hatang/core/snapshot/snapshot-v1.schema.json";

  /** Largest snapshot accepted, in bytes. A real snapshot is 5–50 kB. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private static final ObjectMapper MAPPER = newMapper();

  /**
   * Loaded on first use only: writing a snapshot needs no schema (agent start-up), and a valid
   * snapshot is read without the full validator.
   */
  private static final class SchemaHolder {
    static final Schema SCHEMA = loadSchema();
  }

  /** The schema compiled for checking while binding: see {@link StreamingSchema}. */
  private static final class StreamingHolder {
    static final StreamingSchema SCHEMA = compileStreaming();
  }

  private SnapshotCodec() {}

  /** The mapper used for snapshots: ISO dates, nulls omitted, unknown properties rejected. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper newMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(64 * 1024)
                .maxNumberLength(64)
                .build());
    return mapper;
  }

  private static String schemaText() {
    try (InputStream in = SnapshotCodec.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema loadSchema() {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(schemaText(), InputFormat.JSON);
  }

  private static StreamingSchema compileStreaming() {
    try {
      return StreamingSchema.compile(new ObjectMapper().readTree(schemaText()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bad resource " + SCHEMA_RESOURCE, e);
    }
  }

  /**
   * Builds the writer's serializers by writing a small snapshot to nowhere. Jackson's first write
   * costs 150-300 ms of class loading and introspection; a short-lived agent calls this on a
   * background thread at start-up so that the cost overlaps with reading the hardware.
   */
  public static void warmUp() {
    Snapshot sample =
        new Snapshot(
            Snapshot.SCHEMA_VERSION,
            new java.util.UUID(0, 0),
            java.time.OffsetDateTime.of(2025, 7, 1, 0, 0, 0, 0, java.time.ZoneOffset.ofHours(7)),
            new AgentInfo("hatang-agent", "0"),
            new UnitRef("0", "x", "commune"),
            new Machine("x", "0", "random", "desktop", List.of("x")),
            new ComputerSystem(
                "x",
                "x",
                "x",
                "x",
                new ComputerSystem.Firmware("x", "x", "x"),
                "UEFI",
                true,
                "2.0"),
            new OperatingSystem("x", "x", "x", "x", "x", 64),
            new Processor("x", "x", 6, 158, "x", 4, 8, 1L),
            new Memory(1L, List.of(new Memory.MemoryModule("x", 1L, "x", 1L, "x", "x"))),
            new Storage(
                List.of(new Storage.Disk("x", "x", "x", 1L, DiskType.SSD, "x", false, true)),
                new Storage.Volume("/", "x", 1L, 1L, "x")),
            new Peripherals(
                List.of(new Peripherals.Display("x", "x", 1, 1)),
                List.of(new Peripherals.Printer("x", "x", "x", true, false, "x")),
                List.of(new Peripherals.UsbDevice("x", "x", "0000", "0000", "x")),
                List.of(
                    new Peripherals.NetworkInterface(
                        "x",
                        "x",
                        "00:00:00:00:00:00",
                        List.of("x"),
                        List.of("x"),
                        1L,
                        false,
                        true)),
                List.of(new Peripherals.PowerSource("x", "x", "ups", 1.0, true))),
            List.of(new AntivirusProduct("x", true, true, 1L)),
            List.of(
                new LineMeasurement(
                    "x",
                    "x",
                    "x",
                    "OK",
                    "x",
                    4,
                    1.0,
                    1.0,
                    1.0,
                    1.0,
                    1.0,
                    1.0,
                    1L,
                    1L,
                    new LineMeasurement.Transfer(1.0, 1L, 1L, 1L, 1, List.of(1.0)),
                    new LineMeasurement.Transfer(1.0, 1L, 1L, 1L, 1, List.of(1.0)),
                    List.of(1.0))),
            new Diagnostics(1L, List.of(new Diagnostics.Probe("x", "OK", 1L, "x"))));
    write(sample);
  }

  /** Serialises a snapshot to pretty-printed UTF-8 JSON, ending with a newline. */
  public static byte[] write(Snapshot snapshot) {
    try {
      byte[] body = MAPPER.writeValueAsBytes(snapshot);
      byte[] out = new byte[body.length + 1];
      System.arraycopy(body, 0, out, 0, body.length);
      out[body.length] = '\n';
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise snapshot", e);
    }
  }

  /**
   * Parses and validates one snapshot.
   *
   * <p>A valid snapshot is checked against the schema while it is bound, in one pass ({@link
   * StreamingSchema}); anything that pass does not accept is read again the thorough way (tree,
   * full JSON Schema validator, binding), which decides and says where and why.
   *
   * @param bytes the file's content
   * @param source where it came from, for messages (a file name or {@code <stdin>})
   * @throws SnapshotException when the input is too large, not JSON, of an unsupported schema
   *     version, or breaks the schema
   */
  public static Snapshot read(byte[] bytes, String source) throws SnapshotException {
    return read(bytes, bytes.length, source);
  }

  /**
   * {@link #read(byte[], String)} of the first {@code length} bytes of {@code buffer}: a buffer
   * read into again and again, nothing of which is kept.
   */
  public static Snapshot read(byte[] buffer, int length, String source) throws SnapshotException {
    if (length > MAX_BYTES) {
      throw tooLarge(source, length);
    }
    Snapshot snapshot = readStreaming(buffer, length);
    return snapshot != null
        ? snapshot
        : readThorough(length == buffer.length ? buffer : Arrays.copyOf(buffer, length), source);
  }

  /**
   * Input over the limit. One byte past it is what a bounded read of a pipe, standard input or an
   * upload gives, whatever their size: the message then says "larger than", not a size.
   */
  private static SnapshotException tooLarge(String source, long length) {
    return length == MAX_BYTES + 1L
        ? new SnapshotException(source, null, "snapshot.error.overLimit", MAX_BYTES)
        : new SnapshotException(source, null, "snapshot.error.tooLarge", length, MAX_BYTES);
  }

  /**
   * One pass: binds ({@link SnapshotBinder}) while checking the schema. Never looser than {@link
   * #readThorough}, and binds what it binds.
   *
   * @return the snapshot, or {@code null} when the document is not plainly valid
   */
  static Snapshot readStreaming(byte[] bytes) {
    return readStreaming(bytes, bytes.length);
  }

  private static Snapshot readStreaming(byte[] bytes, int length) {
    try (StreamingSchema.Parser parser =
        StreamingHolder.SCHEMA.wrap(MAPPER.getFactory().createParser(bytes, 0, length))) {
      Snapshot snapshot = SnapshotBinder.read(parser);
      if (!parser.finished() || parser.nextToken() != null) {
        return null;
      }
      return snapshot;
    } catch (IOException | RuntimeException e) {
      return null; // the thorough reader finds it again and explains it
    }
  }

  /**
   * Validates one snapshot and reads only its header: the collector's path, which stores the bytes
   * as received and has no use for the rest bound. Valid means what {@link #read} accepts.
   *
   * @param bytes the upload's content
   * @param source where it came from, for messages
   * @throws SnapshotException as {@link #read} does, with the same place and message
   */
  public static SnapshotHeader readHeader(byte[] bytes, String source) throws SnapshotException {
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(source, bytes.length);
    }
    SnapshotHeader header = readHeaderStreaming(bytes);
    return header != null ? header : SnapshotHeader.of(readThorough(bytes, source));
  }

  /**
   * One pass over the tokens, checking the schema, keeping the four header values.
   *
   * @return the header, or {@code null} when the document is not plainly valid
   */
  static SnapshotHeader readHeaderStreaming(byte[] bytes) {
    try (StreamingSchema.Parser parser =
        StreamingHolder.SCHEMA.wrap(MAPPER.getFactory().createParser(bytes))) {
      String snapshotId = null;
      String takenAt = null;
      String unitCode = null;
      String machineId = null;
      int depth = 0;
      String section = null;
      String wanted = null;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          if (depth == 1) {
            section = name;
            wanted = name.equals("snapshotId") || name.equals("takenAt") ? name : null;
          } else if (depth == 2
              && (("unit".equals(section) && name.equals("code"))
                  || ("machine".equals(section) && name.equals("machineId")))) {
            wanted = name;
          }
          continue;
        }
        if (wanted != null && token == JsonToken.VALUE_STRING) {
          switch (wanted) {
            case "snapshotId" -> snapshotId = parser.getText();
            case "takenAt" -> takenAt = parser.getText();
            case "code" -> unitCode = parser.getText();
            default -> machineId = parser.getText();
          }
        }
        wanted = null;
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        }
      }
      if (!parser.finished() || snapshotId == null || takenAt == null) {
        return null;
      }
      // As binding would: a takenAt of the right shape may still be no date (month 13).
      return new SnapshotHeader(
          UUID.fromString(snapshotId), IsoTime.parse(takenAt), unitCode, machineId);
    } catch (IOException | RuntimeException e) {
      return null; // the thorough reader finds it again and explains it
    }
  }

  /** Tree, supported version, every schema rule with its path, then binding. */
  static Snapshot readThorough(byte[] bytes, String source) throws SnapshotException {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? null : loc.getLineNr() + ":" + loc.getColumnNr();
      throw new SnapshotException(source, where, "snapshot.error.json", e.getOriginalMessage());
    } catch (IOException e) {
      throw new SnapshotException(source, null, "snapshot.error.io", e.getMessage());
    }
    if (tree == null || tree.isMissingNode()) {
      throw new SnapshotException(source, "1:1", "snapshot.error.empty");
    }
    if (!tree.isObject()) {
      throw new SnapshotException(source, "$", "snapshot.error.notObject");
    }
    JsonNode version = tree.get("schemaVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new SnapshotException(source, "$.schemaVersion", "snapshot.error.noVersion");
    }
    if (version.intValue() != Snapshot.SCHEMA_VERSION) {
      throw new SnapshotException(
          source,
          "$.schemaVersion",
          version.intValue() > Snapshot.SCHEMA_VERSION
              ? "snapshot.error.futureVersion"
              : "snapshot.error.oldVersion",
          version.intValue(),
          Snapshot.SCHEMA_VERSION);
    }
    List<String> problems = validate(tree);
    if (!problems.isEmpty()) {
      String first = problems.get(0);
      int split = first.indexOf(": ");
      throw new SnapshotException(
          source,
          first.substring(0, split),
          "snapshot.error.schema",
          first.substring(split + 2),
          problems.size());
    }
    try {
      return MAPPER.treeToValue(tree, Snapshot.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String message =
          e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new SnapshotException(source, "$", "snapshot.error.binding", message);
    }
  }

  /**
   * Turns a JSON Pointer ({@code /memory/modules/0/type}) into a JSON path ({@code
   * $.memory.modules[0].type}).
   */
  static String jsonPath(String pointer) {
    if (pointer.startsWith("$")) {
      return pointer;
    }
    StringBuilder out = new StringBuilder("$");
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      String name = part.replace("~1", "/").replace("~0", "~");
      if (name.matches("\\d+")) {
        out.append('[').append(name).append(']');
      } else {
        out.append('.').append(name);
      }
    }
    return out.toString();
  }

  /**
   * Validates a parsed document against the schema.
   *
   * @return one {@code "$.path: message"} line per violation, in document order; empty when valid
   */
  public static List<String> validate(JsonNode tree) {
    List<Error> errors = SchemaHolder.SCHEMA.validate(tree);
    List<String> out = new ArrayList<>(errors.size());
    for (Error error : errors) {
      String path = jsonPath(error.getInstanceLocation().toString());
      String message = error.getMessage();
      // The validator prefixes messages with the path; keep one copy.
      if (message.startsWith(path + ": ")) {
        message = message.substring(path.length() + 2);
      }
      out.add(path + ": " + message);
    }
    return out;
  }
}
