package vn.hatang.cli.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.check.Evaluator;
import vn.hatang.core.check.InputError;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.check.Message;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;
import vn.hatang.core.snapshot.SnapshotException;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.waiver.Waivers;

/**
 * Gathers snapshots from files, folders (recursively, {@code *.json}) and standard input ({@code
 * -}), and judges each one. A bad input becomes an {@link InputError}; every other input is still
 * judged.
 */
public final class CheckService {
  /** The name standard input goes by in messages. */
  public static final String STDIN = "<stdin>";

  private CheckService() {}

  /**
   * Judges every snapshot the paths name.
   *
   * @param paths files, folders, or {@code -}
   * @param stdin standard input, read when a path is {@code -}
   * @param standard the standard
   * @param date the evaluation date
   */
  public static Result check(
      List<String> paths, InputStream stdin, Standard standard, LocalDate date) {
    return check(paths, stdin, List.of(), standard, date);
  }

  /**
   * A snapshot already read from somewhere else (a collector, a store).
   *
   * @param source how it is named in the report
   * @param json its bytes
   */
  public record Stored(String source, byte[] json) {}

  /**
   * Judges every snapshot the paths name and the stored ones.
   *
   * @param paths files, folders, or {@code -}
   * @param stdin standard input, read when a path is {@code -}
   * @param stored snapshots read from a collector or its store
   * @param standard the standard
   * @param date the evaluation date
   */
  public static Result check(
      List<String> paths,
      InputStream stdin,
      List<Stored> stored,
      Standard standard,
      LocalDate date) {
    return check(paths, stdin, stored, standard, date, Waivers.NONE);
  }

  /**
   * Judges every snapshot the paths name and the stored ones, applying waivers.
   *
   * @param paths files, folders, or {@code -}
   * @param stdin standard input, read when a path is {@code -}
   * @param stored snapshots read from a collector or its store
   * @param standard the standard
   * @param date the evaluation date
   * @param waivers waivers to apply ({@link Waivers#NONE} for none)
   */
  public static Result check(
      List<String> paths,
      InputStream stdin,
      List<Stored> stored,
      Standard standard,
      LocalDate date,
      Waivers waivers) {
    Judge j = new Judge(standard, date, waivers);
    List<MachineResult> results = new ArrayList<>();
    List<InputError> errors = new ArrayList<>();
    Map<java.util.UUID, String> seen = new HashMap<>();
    List<InputError> notes = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        judge(STDIN, () -> readBounded(stdin), j, results, errors, seen, notes);
        continue;
      }
      Path path = Path.of(p);
      if (Files.isDirectory(path)) {
        for (Path f : jsonFiles(path, errors, p)) {
          judge(f.toString(), () -> readFile(f), j, results, errors, seen, notes);
        }
      } else {
        judge(p, () -> readFile(path), j, results, errors, seen, notes);
      }
    }
    for (Stored item : stored) {
      judge(item.source(), item::json, j, results, errors, seen, notes);
    }
    if (results.isEmpty() && errors.isEmpty()) {
      errors.add(new InputError(String.join(" ", paths), null, Message.of("input.none")));
    }
    return new Result(new CheckReport(standard, date, results, errors), notes);
  }

  /**
   * A run's report, and the notices that are not errors (snapshots skipped as duplicates).
   *
   * @param report the report
   * @param notices notices for stderr
   */
  public record Result(CheckReport report, List<InputError> notices) {}

  private interface Reader {
    byte[] read() throws IOException, SnapshotException;
  }

  /** What every snapshot of a run is judged with. */
  private record Judge(Standard standard, LocalDate date, Waivers waivers) {}

  private static void judge(
      String source,
      Reader reader,
      Judge j,
      List<MachineResult> results,
      List<InputError> errors,
      Map<java.util.UUID, String> seen,
      List<InputError> notes) {
    try {
      Snapshot s = SnapshotCodec.read(reader.read(), source);
      // The same snapshot named twice (a folder and a file in it, a copy) is judged once.
      String first = seen.putIfAbsent(s.snapshotId(), source);
      if (first != null) {
        notes.add(
            new InputError(
                source, null, Message.of("input.duplicate", s.snapshotId().toString(), first)));
        return;
      }
      results.add(Evaluator.evaluate(source, s, j.standard(), j.date(), j.waivers()));
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

  private static List<Path> jsonFiles(Path dir, List<InputError> errors, String shown) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          dir,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(
                Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
              String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
              if (attrs.isRegularFile() && name.endsWith(".json")) {
                files.add(file);
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
              // An unreadable sub-folder is reported; the rest of the tree is still judged.
              errors.add(
                  new InputError(
                      file.toString(),
                      null,
                      Message.of("snapshot.error.io", String.valueOf(e.getMessage()))));
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      errors.add(
          new InputError(
              shown, null, Message.of("snapshot.error.io", String.valueOf(e.getMessage()))));
    }
    files.sort(null);
    return files;
  }

  private static byte[] readFile(Path f) throws IOException, SnapshotException {
    long size = Files.size(f);
    if (size > SnapshotCodec.MAX_BYTES) {
      throw new SnapshotException(
          f.toString(), null, "snapshot.error.tooLarge", size, SnapshotCodec.MAX_BYTES);
    }
    return Files.readAllBytes(f);
  }

  private static byte[] readBounded(InputStream in) throws IOException {
    // One byte more than the limit, so the codec can tell "too large" from "just fits".
    return in.readNBytes(SnapshotCodec.MAX_BYTES + 1);
  }
}
