package vn.hatang.cli.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.check.Evaluator;
import vn.hatang.core.check.InputError;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.check.Message;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;
import vn.hatang.core.snapshot.SnapshotException;
import vn.hatang.core.standard.Standard;

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
  public static CheckReport check(
      List<String> paths, InputStream stdin, Standard standard, LocalDate date) {
    List<MachineResult> results = new ArrayList<>();
    List<InputError> errors = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        judge(STDIN, () -> readBounded(stdin), standard, date, results, errors);
        continue;
      }
      Path path = Path.of(p);
      if (Files.isDirectory(path)) {
        for (Path f : jsonFiles(path, errors, p)) {
          judge(f.toString(), () -> readFile(f), standard, date, results, errors);
        }
      } else {
        judge(p, () -> readFile(path), standard, date, results, errors);
      }
    }
    return new CheckReport(standard, date, results, errors);
  }

  private interface Reader {
    byte[] read() throws IOException, SnapshotException;
  }

  private static void judge(
      String source,
      Reader reader,
      Standard standard,
      LocalDate date,
      List<MachineResult> results,
      List<InputError> errors) {
    try {
      Snapshot s = SnapshotCodec.read(reader.read(), source);
      results.add(Evaluator.evaluate(source, s, standard, date));
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
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      errors.add(
          new InputError(
              shown, null, Message.of("snapshot.error.io", String.valueOf(e.getMessage()))));
      return List.of();
    }
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
