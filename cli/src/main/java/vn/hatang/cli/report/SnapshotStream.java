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
    for (Path f : CheckService.jsonFiles(path, errors, p)) {
      take(f.toString(), () -> CheckService.readFile(f));
    }
  }

  /** Reads a snapshot already fetched (a collector's, a store's). */
  public void stored(String source, byte[] json) {
    take(source, () -> json);
  }

  private interface Bytes {
    byte[] get() throws IOException, SnapshotException;
  }

  private void take(String source, Bytes bytes) {
    try {
      Snapshot s = SnapshotCodec.read(bytes.get(), source);
      String first = seen.putIfAbsent(s.snapshotId(), source);
      if (first != null) {
        notices.add(
            new InputError(
                source, null, Message.of("input.duplicate", s.snapshotId().toString(), first)));
        return;
      }
      read++;
      consumer.accept(s);
    } catch (SnapshotException e) {
      errors.add(new InputError(source, e.where(), new Message(e.key(), e.args())));
    } catch (NoSuchFileException e) {
      errors.add(new InputError(source, null, Message.of("input.notFound")));
    } catch (IOException e) {
      errors.add(
          new InputError(
              source, null, Message.of("snapshot.error.io", String.valueOf(e.getMessage()))));
    }
  }
}
