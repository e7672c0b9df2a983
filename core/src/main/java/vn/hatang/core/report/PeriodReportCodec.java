package vn.hatang.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * Writes and reads frozen period reports as JSON (format {@link PeriodReport#FORMAT}, see {@code
 * docs/reporting.md}). Reading refuses unknown fields and other format versions, so that a report
 * renders the same later or not at all.
 */
public final class PeriodReportCodec {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .serializationInclusion(JsonInclude.Include.ALWAYS)
          .build();

  private PeriodReportCodec() {}

  /** The report as UTF-8 JSON. */
  public static byte[] write(PeriodReport report) {
    try {
      return MAPPER.writeValueAsBytes(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a report written by {@link #write}.
   *
   * @throws IOException when it is not JSON of this format; the message says where
   */
  public static PeriodReport read(byte[] json) throws IOException {
    PeriodReport r = MAPPER.readValue(json, PeriodReport.class);
    if (r.format() != PeriodReport.FORMAT) {
      throw new IOException("report format " + r.format() + ", expected " + PeriodReport.FORMAT);
    }
    return r;
  }
}
