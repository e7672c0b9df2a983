package vn.hatang.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import vn.hatang.cli.check.CheckService;
import vn.hatang.core.check.InputError;
import vn.hatang.core.check.Message;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;
import vn.hatang.core.snapshot.SnapshotException;

/**
 * Reads snapshots one at a time from files, folders (recursively, {@code *.json}), standard input
 * and stored items, and hands each valid one to a consumer: nothing is kept but the ids seen and
 * where (a snapshot named twice is taken once). An unreadable input is recorded with its place and
 * the others are still read.
 */
public final class SnapshotStream {
  private final Consumer<Snapshot> consumer;
  private final List<InputError> errors = new ArrayList<>();
  private final List<InputError> notices = new ArrayList<>();
  private final Map<UUID, String> seen = new HashMap<>();
  private long read;

  public SnapshotStream(Consumer<Snapshot> consumer) {
    this.consumer = consumer;
  }

  /** Inputs that could not be read, in order. */
  public List<InputError> errors() {
    return List.copyOf(errors);
  }

  /** Snapshots skipped as already read. */
  public List<InputError> notices() {
    return List.copyOf(notices);
  }

  /** Valid snapshots handed on. */
  public long read() {
    return read;
  }

  /** Reads a path: a file, a folder, or {@code -} for {@code stdin}. */
  public void path(String p, InputStream stdin) {
    if (p.equals("-")) {
      take(CheckService.STDIN, () -> CheckService.readBounded(stdin));
      return;
    }
    Path path = Path.of(p);
    if (!Files.isDirectory(path)) {
      take(p, () -> CheckService.readFile(path));
      return;
    }
    // A pipeline: the next batch of a folder's files is read and parsed on the pool's threads
    // (reading, validating and binding are independent per file and the codec is thread-safe)
    // while this thread hands on the current one, in file order, so that the consumer sees what a
    // sequential read gives it.
    List<Path> files = CheckService.jsonFiles(path, errors, p);
    CompletableFuture<List<Parsed>> next = parseAsync(files, 0);
    for (int from = 0; from < files.size(); from += BATCH) {
      List<Parsed> current;
      try {
        current = next.join();
      } catch (CompletionException e) {
        // What parse does not turn into an input error (a bug, out of memory): as if read here.
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
      next = parseAsync(files, from + BATCH);
      current.forEach(this::deliver);
    }
  }

  private static CompletableFuture<List<Parsed>> parseAsync(List<Path> files, int from) {
    if (from >= files.size()) {
      return CompletableFuture.completedFuture(List.of());
    }
    List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
    return CompletableFuture.supplyAsync(
        () ->
            batch.parallelStream()
                .map(f -> parse(f.toString(), () -> CheckService.readFile(f)))
                .toList());
  }

  /** Files parsed in parallel at a time: bounds the snapshots held before they are handed on. */
  static final int BATCH = 256;

  /** Reads a snapshot already fetched (a collector's, a store's). */
  public void stored(String source, byte[] json) {
    take(source, () -> json);
  }

  private interface Bytes {
    byte[] get() throws IOException, SnapshotException;
  }

  private void take(String source, Bytes bytes) {
    deliver(parse(source, bytes));
  }

  /** One input read: its snapshot, or why there is none. */
  private record Parsed(String source, Snapshot snapshot, InputError error) {}

  /** Reads and parses one input; touches no state of the stream (runs in parallel). */
  private static Parsed parse(String source, Bytes bytes) {
    try {
      return new Parsed(source, SnapshotCodec.read(bytes.get(), source), null);
    } catch (SnapshotException e) {
      return new Parsed(
          source, null, new InputError(source, e.where(), new Message(e.key(), e.args())));
    } catch (NoSuchFileException e) {
      return new Parsed(source, null, new InputError(source, null, Message.of("input.notFound")));
    } catch (IOException e) {
      return new Parsed(
          source,
          null,
          new InputError(
              source, null, Message.of("snapshot.error.io", String.valueOf(e.getMessage()))));
    }
  }

  private void deliver(Parsed p) {
    if (p.error() != null) {
      errors.add(p.error());
      return;
    }
    Snapshot s = p.snapshot();
    String first = seen.putIfAbsent(s.snapshotId(), p.source());
    if (first != null) {
      notices.add(
          new InputError(
              p.source(), null, Message.of("input.duplicate", s.snapshotId().toString(), first)));
      return;
    }
    read++;
    consumer.accept(s);
  }
}
