package vn.hatang.agent.spool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import vn.hatang.agent.collect.AtomicFiles;

/**
 * Moves a snapshot that will never be accepted into a {@code rejected/} folder, with {@code
 * NAME.reason.json} beside it: the collector's status code and answer, or the local reason (the
 * place in the file and what is wrong there). A rejected snapshot is never sent again. Thread-safe.
 */
public final class Rejections {
  /** The folder name under the spool root and under an {@code upload DIR}. */
  public static final String FOLDER = "rejected";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Rejections() {}

  /**
   * The reason of a snapshot the collector refused.
   *
   * @param statusCode the HTTP status code
   * @param answer the collector's answer (size-limited), kept as JSON when it is JSON
   * @param at when it was refused
   */
  public static ObjectNode byCollector(int statusCode, byte[] answer, Instant at) {
    ObjectNode reason = MAPPER.createObjectNode();
    reason.put("rejectedAt", at.toString());
    reason.put("statusCode", statusCode);
    JsonNode json = null;
    try {
      json = MAPPER.readTree(answer);
    } catch (IOException e) {
      // Not JSON (a proxy's HTML page, a cut answer): kept as text below.
    }
    if (json != null && !json.isMissingNode()) {
      reason.set("answer", json);
    } else {
      reason.put("answerText", new String(answer, StandardCharsets.UTF_8));
    }
    return reason;
  }

  /**
   * The reason of a file that is not a valid snapshot, found before sending it.
   *
   * @param where {@code line:col} or a JSON path, or {@code null}
   * @param message what is wrong, in the user's language
   * @param at when it was found
   */
  public static ObjectNode invalid(String where, String message, Instant at) {
    ObjectNode reason = MAPPER.createObjectNode();
    reason.put("rejectedAt", at.toString());
    if (where != null) {
      reason.put("where", where);
    }
    reason.put("reason", message);
    return reason;
  }

  /**
   * Moves {@code file} to {@code rejectedDir/NAME.json} after writing {@code
   * rejectedDir/NAME.reason.json} (so that a rejected file never lacks its reason). An older file
   * of the same name there is replaced.
   *
   * @return the moved file
   */
  public static Path move(Path file, Path rejectedDir, ObjectNode reason) throws IOException {
    Files.createDirectories(rejectedDir);
    String name = file.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    AtomicFiles.write(rejectedDir.resolve(base + ".reason.json"), MAPPER.writeValueAsBytes(reason));
    Path target = rejectedDir.resolve(base + ".json");
    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    AtomicFiles.syncFolder(rejectedDir);
    return target;
  }
}
