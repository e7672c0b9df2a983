package vn.hatang.agent.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import vn.hatang.agent.collect.AtomicFiles;
import vn.hatang.core.snapshot.Snapshot;

/**
 * The agent's outbox: {@code <spoolDir>/spool/} holds the snapshots not yet acknowledged by the
 * collector, named {@code <takenAt UTC>-<snapshotId>.json} so that name order is age order; {@code
 * <spoolDir>/rejected/} those the collector or the agent refused; {@code <spoolDir>/state.json}
 * what {@code run} remembers. Bounded by a number of files and of bytes: beyond either, the oldest
 * snapshots are evicted, each with a notice. Not thread-safe: one {@code run} at a time.
 */
public final class Spool {
  /** The queue folder under the spool root. */
  public static final String QUEUE = "spool";

  /** The state file under the spool root. */
  public static final String STATE = "state.json";

  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Path root;
  private final int maxFiles;
  private final long maxBytes;
  private final Notices notices;

  /**
   * @param root the spool root ({@code spoolDir})
   * @param maxFiles most snapshots kept in the queue, at least 1
   * @param maxBytes most bytes kept in the queue, at least 1
   * @param notices told of every eviction
   */
  public Spool(Path root, int maxFiles, long maxBytes, Notices notices) {
    if (maxFiles < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("bounds must be positive");
    }
    this.root = root;
    this.maxFiles = maxFiles;
    this.maxBytes = maxBytes;
    this.notices = notices;
  }

  public Path queueDir() {
    return root.resolve(QUEUE);
  }

  public Path rejectedDir() {
    return root.resolve(Rejections.FOLDER);
  }

  public Path stateFile() {
    return root.resolve(STATE);
  }

  /**
   * The file name of a snapshot in the queue: {@code 20261125T220956.123Z-<snapshotId>.json}. The
   * time is UTC with a fixed width, so that the names sort oldest first.
   */
  public static String fileName(Snapshot snapshot) {
    return NAME_TIME.format(snapshot.takenAt().toInstant()) + "-" + snapshot.snapshotId() + ".json";
  }

  /**
   * Writes a snapshot into the queue atomically (temporary file, flush, rename), then evicts the
   * oldest others while the queue is over its bounds. The new snapshot is never evicted.
   *
   * @param json the snapshot as written by {@code SnapshotCodec.write}
   * @return the spooled file
   */
  public Path add(Snapshot snapshot, byte[] json) throws IOException {
    Path file = queueDir().resolve(fileName(snapshot));
    AtomicFiles.write(file, json);
    evict(file);
    return file;
  }

  /** The queued snapshot files ({@code *.json}), oldest first. */
  public List<Path> files() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(queueDir(), "*.json")) {
      for (Path file : dir) {
        // Skips AtomicFiles' hidden temporary files and anything that is not a plain file.
        if (!file.getFileName().toString().startsWith(".") && Files.isRegularFile(file)) {
          files.add(file);
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return files;
  }

  /** Deletes the oldest snapshots (never {@code keep}) while the queue is over a bound. */
  private void evict(Path keep) throws IOException {
    List<Path> files = files();
    long total = 0;
    List<Long> sizes = new ArrayList<>();
    for (Path file : files) {
      long size = sizeOf(file);
      sizes.add(size);
      total += size;
    }
    int count = files.size();
    for (int i = 0; i < files.size() && (count > maxFiles || total > maxBytes); i++) {
      Path file = files.get(i);
      if (file.equals(keep)) {
        continue;
      }
      boolean tooMany = count > maxFiles;
      Files.deleteIfExists(file);
      count--;
      total -= sizes.get(i);
      if (tooMany) {
        notices.notice("spool.evicted.files", file.getFileName().toString(), maxFiles);
      } else {
        notices.notice("spool.evicted.bytes", file.getFileName().toString(), maxBytes);
      }
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
