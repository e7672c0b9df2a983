package vn.hatang.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import vn.hatang.core.render.IndentedJson;

/**
 * The JSON of hatang's own artefacts (frozen reports, plans): records as objects, dates as ISO
 * text, indented; reading refuses unknown fields and missing primitives, so that a typo in a
 * hand-edited file is an error, not a value silently lost.
 */
public final class FrozenJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .defaultPrettyPrinter(new IndentedJson())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .serializationInclusion(JsonInclude.Include.ALWAYS)
          .build();

  private FrozenJson() {}

  /** A value as UTF-8 JSON. */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes a value as UTF-8 JSON to a stream as it is serialised (a report of many machines is
   * never held as one array), followed by a line break; the stream is left open.
   */
  public static void write(Object value, OutputStream out) throws IOException {
    // Characters beyond the BMP as their four UTF-8 bytes, as a UTF-8 writer wrote them (not as
    // escaped surrogates): only here, write(Object) has always escaped them.
    MAPPER
        .writer()
        .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .with(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
        .writeValue(out, value);
    out.write('\n');
  }

  /**
   * Reads a value of a type.
   *
   * @throws IOException when it is not JSON of that shape; Jackson's message says where
   */
  public static <T> T read(byte[] json, Class<T> type) throws IOException {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      // "3:17: $.units[1].items[0].quantity: <what Jackson says>", on one line.
      StringBuilder where = new StringBuilder();
      if (e.getLocation() != null) {
        where
            .append(e.getLocation().getLineNr())
            .append(':')
            .append(e.getLocation().getColumnNr())
            .append(": ");
      }
      if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m
          && !m.getPath().isEmpty()) {
        where.append('$');
        for (var ref : m.getPath()) {
          if (ref.getFieldName() != null) {
            where.append('.').append(ref.getFieldName());
          } else if (ref.getIndex() >= 0) {
            where.append('[').append(ref.getIndex()).append(']');
          }
        }
        where.append(": ");
      }
      String why = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
      throw new IOException(where + why, e);
    }
  }
}
