package vn.hatang.agent.spool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import vn.hatang.agent.collect.AtomicFiles;

/**
 * Reads and writes {@code state.json}. A missing file is a fresh start; an unreadable or corrupt
 * one is reported through {@link Notices} and treated as a fresh start too (the next write replaces
 * it): losing the backoff or the line timestamp costs one early upload or measurement, never a
 * snapshot. Thread-safe.
 */
public final class StateStore {
  /** The largest state file read; a real one is about 150 bytes. */
  static final int MAX_BYTES = 64 * 1024;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private final Path file;
  private final Notices notices;

  /**
   * @param file the state file
   * @param notices told when the file is unreadable and is being replaced
   */
  public StateStore(Path file, Notices notices) {
    this.file = file;
    this.notices = notices;
  }

  public Path file() {
    return file;
  }

  /** The stored state, or the initial one when there is none or it cannot be read. */
  public SpoolState read() {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IOException(Files.size(file) + " bytes");
      }
      SpoolState state = MAPPER.readValue(Files.readAllBytes(file), SpoolState.class);
      if (state == null) {
        throw new IOException("null");
      }
      return state;
    } catch (NoSuchFileException e) {
      return SpoolState.initial();
    } catch (IOException | RuntimeException e) {
      String reason =
          e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.toString();
      notices.notice("spool.state.corrupt", file.toString(), firstLine(reason));
      return SpoolState.initial();
    }
  }

  /** Writes the state atomically (temporary file, flush, rename). */
  public void write(SpoolState state) throws IOException {
    AtomicFiles.write(file, MAPPER.writeValueAsBytes(state));
  }

  private static String firstLine(String text) {
    String s = text == null ? "" : text.strip();
    int nl = s.indexOf('\n');
    s = nl < 0 ? s : s.substring(0, nl);
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
