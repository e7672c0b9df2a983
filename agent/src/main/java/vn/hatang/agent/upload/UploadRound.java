package vn.hatang.agent.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import vn.hatang.agent.spool.Notices;
import vn.hatang.agent.spool.Rejections;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;
import vn.hatang.core.snapshot.SnapshotException;

/**
 * One upload round over snapshot files, in the order given (oldest first): each file is checked
 * ({@link SnapshotCodec#read}: a file that is not a valid snapshot is moved to {@code rejected/}
 * and never sent), sent, then deleted when acknowledged, moved to {@code rejected/} when refused
 * for good, left in place otherwise. The round stops at the first outcome that {@linkplain
 * Outcome#stopsRound() stops it} (the collector is down, busy or refuses the token). Not
 * thread-safe.
 */
public final class UploadRound {
  private final Uploader uploader;
  private final Notices notices;
  private final Messages messages;
  private final Clock clock;

  /**
   * What a round did.
   *
   * @param uploaded snapshots the collector acknowledged (deleted here)
   * @param kept snapshots left for a later round (refused for now, or not tried after a stop)
   * @param rejected snapshots moved to {@code rejected/}
   * @param stoppedOn the outcome that stopped the round, or {@code null} when it went through
   * @param retryAfterSeconds after a 429, the seconds the collector asked to wait, else 0
   */
  public record Summary(
      int uploaded, int kept, int rejected, Outcome stoppedOn, long retryAfterSeconds) {
    /** Whether the round failed (the collector unreachable or refusing the token): backoff. */
    public boolean failed() {
      return stoppedOn != null && stoppedOn.failsRound();
    }
  }

  /**
   * @param uploader sends the snapshots
   * @param notices told of every file not uploaded, and why
   * @param messages renders the reasons written into {@code NAME.reason.json}
   * @param clock gives the rejection times
   */
  public UploadRound(Uploader uploader, Notices notices, Messages messages, Clock clock) {
    this.uploader = uploader;
    this.notices = notices;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Sends {@code files} in the given order.
   *
   * @param rejectedDir where refused files go, with their reason
   */
  public Summary run(List<Path> files, Path rejectedDir) {
    int uploaded = 0;
    int kept = 0;
    int rejected = 0;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      String name = file.getFileName().toString();
      byte[] bytes;
      Snapshot snapshot;
      try {
        bytes = readChecked(file);
        snapshot = SnapshotCodec.read(bytes, name);
      } catch (SnapshotException e) {
        if (reject(file, rejectedDir, invalid(e))) {
          rejected++;
        } else {
          kept++;
        }
        continue;
      } catch (IOException e) {
        notices.notice("upload.readError", file.toString(), e.toString());
        kept++;
        continue;
      }
      UploadResult result = uploader.send(bytes, snapshot.snapshotId().toString());
      switch (result.outcome()) {
        case ACKNOWLEDGED -> {
          try {
            Files.deleteIfExists(file);
          } catch (IOException e) {
            // Sent and stored: a copy left behind is sent again and answered 200 duplicate.
            notices.notice("upload.deleteError", file.toString(), e.toString());
          }
          uploaded++;
        }
        case REJECTED -> {
          notices.notice("upload.rejected", name, result.statusCode(), answerText(result.answer()));
          if (reject(
              file,
              rejectedDir,
              Rejections.byCollector(result.statusCode(), result.answer(), clock.instant()))) {
            rejected++;
          } else {
            kept++;
          }
        }
        case KEPT -> {
          notices.notice("upload.kept", name, result.statusCode());
          kept++;
        }
        default -> {
          kept += files.size() - i;
          noticeStop(name, result);
          return new Summary(
              uploaded, kept, rejected, result.outcome(), result.retryAfterSeconds());
        }
      }
    }
    return new Summary(uploaded, kept, rejected, null, 0);
  }

  private void noticeStop(String name, UploadResult result) {
    switch (result.outcome()) {
      case UNAUTHORIZED -> notices.notice("upload.unauthorized", uploader.endpoint());
      case RATE_LIMITED ->
          notices.notice("upload.rateLimited", uploader.endpoint(), result.retryAfterSeconds());
      default -> {
        if (result.statusCode() == 0) {
          notices.notice(
              "upload.unreachable",
              name,
              messages.get(result.errorKey(), result.errorArgs().toArray()));
        } else {
          notices.notice("upload.unavailable", name, uploader.endpoint(), result.statusCode());
        }
      }
    }
  }

  /** The file's bytes, refusing a file over the snapshot limit without reading it all. */
  private static byte[] readChecked(Path file) throws IOException, SnapshotException {
    long size = Files.size(file);
    if (size > SnapshotCodec.MAX_BYTES) {
      throw new SnapshotException(
          file.getFileName().toString(),
          null,
          "snapshot.error.tooLarge",
          size,
          SnapshotCodec.MAX_BYTES);
    }
    return Files.readAllBytes(file);
  }

  private ObjectNode invalid(SnapshotException e) {
    String message = messages.get(e.key(), e.args().toArray());
    notices.notice(
        "upload.invalid", e.source() + (e.where() == null ? "" : ":" + e.where()), message);
    return Rejections.invalid(e.where(), message, clock.instant());
  }

  /** Moves a file to {@code rejected/}; on failure says so and leaves it (it is tried again). */
  private boolean reject(Path file, Path rejectedDir, ObjectNode reason) {
    try {
      Rejections.move(file, rejectedDir, reason);
      return true;
    } catch (IOException e) {
      notices.notice("upload.rejectError", file.toString(), e.toString());
      return false;
    }
  }

  /** The collector's answer for a one-line notice: its {@code reason} and {@code path}, or text. */
  static String answerText(byte[] answer) {
    try {
      JsonNode json = SnapshotCodec.mapper().readTree(answer);
      if (json != null && json.isObject()) {
        String reason = json.path("reason").asText("");
        String path = json.path("path").asText("");
        String status = json.path("status").asText("");
        String text = (path.isEmpty() ? "" : path + ": ") + (reason.isEmpty() ? status : reason);
        return shorten(text);
      }
    } catch (IOException e) {
      // Not JSON: shown as text.
    }
    return shorten(new String(answer, StandardCharsets.UTF_8));
  }

  private static String shorten(String text) {
    // The answer is untrusted: no control characters (terminal escapes) reach the user's screen.
    String oneLine = text.replaceAll("\\p{Cntrl}+", " ").strip();
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }
}
