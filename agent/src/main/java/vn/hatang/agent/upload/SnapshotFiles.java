package vn.hatang.agent.upload;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.hatang.core.snapshot.SnapshotCodec;

/** Lists a folder of snapshot files in the order they are uploaded. Thread-safe. */
public final class SnapshotFiles {
  private SnapshotFiles() {}

  /**
   * The {@code *.json} files of {@code dir} (not its subfolders, not hidden files), oldest first by
   * the snapshot's {@code takenAt}, ties by name. Files whose {@code takenAt} cannot be read come
   * first: the upload round rejects them without sending.
   */
  public static List<Path> oldestFirst(Path dir) throws IOException {
    record Entry(Path file, Instant takenAt) {}
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
      for (Path file : stream) {
        if (!file.getFileName().toString().startsWith(".") && Files.isRegularFile(file)) {
          entries.add(new Entry(file, takenAt(file)));
        }
      }
    }
    entries.sort(
        Comparator.comparing(Entry::takenAt).thenComparing(e -> e.file().getFileName().toString()));
    return entries.stream().map(Entry::file).toList();
  }

  /** The file's {@code takenAt}, or {@link Instant#MIN} when it cannot be read. */
  private static Instant takenAt(Path file) {
    try {
      if (Files.size(file) > SnapshotCodec.MAX_BYTES) {
        return Instant.MIN;
      }
      String text =
          SnapshotCodec.mapper().readTree(Files.readAllBytes(file)).path("takenAt").asText("");
      return OffsetDateTime.parse(text).toInstant();
    } catch (IOException | RuntimeException e) {
      return Instant.MIN;
    }
  }
}
