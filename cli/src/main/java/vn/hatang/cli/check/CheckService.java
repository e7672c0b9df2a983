package vn.hatang.cli.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import vn.hatang.cli.report.FolderWalks;
import vn.hatang.cli.report.SnapshotStream;
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
    return check(new Inputs(paths, stdin, List.of()), standard, date, Waivers.NONE);
  }

  /**
   * A snapshot already read from somewhere else (a collector, a store).
   *
   * @param source how it is named in the report
   * @param json its bytes
   */
  public record Stored(String source, byte[] json) {}

  /**
   * What a run reads, and how.
   *
   * @param paths files, folders, or {@code -}
   * @param stdin standard input, read when a path is {@code -}
   * @param stored snapshots read from a collector or its store, judged after the paths
   * @param progress told how far through each folder the run is
   * @param walks where folders' file lists were walked ahead ({@link FolderWalks#NONE}: none)
   */
  public record Inputs(
      List<String> paths,
      InputStream stdin,
      List<Stored> stored,
      FileProgress progress,
      FolderWalks walks) {
    /** The paths and stored snapshots, no progress shown, nothing walked ahead. */
    public Inputs(List<String> paths, InputStream stdin, List<Stored> stored) {
      this(paths, stdin, stored, FileProgress.NONE, FolderWalks.NONE);
    }
  }

  /**
   * Judges every snapshot of the inputs, applying waivers.
   *
   * @param waivers waivers to apply ({@link Waivers#NONE} for none)
   */
  public static Result check(Inputs in, Standard standard, LocalDate date, Waivers waivers) {
    Judge j = new Judge(standard, date, waivers);
    List<MachineResult> results = new ArrayList<>();
    // Each snapshot is judged on the thread that parsed it; results come back in input order, so
    // duplicates, errors and results are what a sequential run gives.
    SnapshotStream<MachineResult> stream =
        new SnapshotStream<MachineResult>(
            (source, s) -> judge(source, s, j), (s, result) -> results.add(result));
    read(stream, in);
    List<InputError> errors = errors(stream, in.paths());
    return new Result(new CheckReport(standard, date, results, errors), stream.notices());
  }

  /** Streams the paths, then the stored snapshots, telling progress; the progress is ended. */
  private static void read(SnapshotStream<?> stream, Inputs in) {
    stream.progress(in.progress()).walks(in.walks());
    try {
      for (String p : in.paths()) {
        stream.path(p, in.stdin());
      }
      List<Map.Entry<String, byte[]>> items = new ArrayList<>(in.stored().size());
      for (Stored item : in.stored()) {
        items.add(Map.entry(item.source(), item.json()));
      }
      stream.stored(items);
    } finally {
      in.progress().finished();
    }
  }

  /**
   * The inputs not judged; paths that held no snapshot at all are one (exit 3, not "compliant").
   */
  private static List<InputError> errors(SnapshotStream<?> stream, List<String> paths) {
    List<InputError> errors = new ArrayList<>(stream.errors());
    if (stream.read() == 0 && errors.isEmpty()) {
      errors.add(new InputError(String.join(" ", paths), null, Message.of("input.none")));
    }
    return errors;
  }

  /**
   * A run whose text output is rendered machine by machine as it goes and kept outside the heap
   * ({@link SpooledRun}): memory does not grow with the findings of the machines judged. Same
   * inputs, order, duplicates and errors as {@link #check}; the caller writes the output with
   * {@link SpooledRun#writeTo} and closes the run.
   *
   * @param run where the parts go (made with the same standard and date); closed on failure
   * @return the run and the notices that are not errors
   * @throws IOException if the temporary file cannot be written
   */
  public static Spooled spool(
      Inputs in, Standard standard, LocalDate date, Waivers waivers, SpooledRun run)
      throws IOException {
    Judge j = new Judge(standard, date, waivers);
    try {
      SnapshotStream<SpooledRun.Made> stream =
          new SnapshotStream<SpooledRun.Made>(
              (source, s) -> run.make(judge(source, s, j)), (s, made) -> run.add(made));
      try {
        read(stream, in);
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
      run.finish(errors(stream, in.paths()));
      return new Spooled(run, stream.notices());
    } catch (IOException | RuntimeException | Error e) {
      run.close();
      throw e;
    }
  }

  /**
   * A spooled run, and the notices that are not errors.
   *
   * @param run the run, to write and close
   * @param notices notices for stderr
   */
  public record Spooled(SpooledRun run, List<InputError> notices) {}

  /**
   * A run's report, and the notices that are not errors (snapshots skipped as duplicates).
   *
   * @param report the report
   * @param notices notices for stderr
   */
  public record Result(CheckReport report, List<InputError> notices) {}

  /** What every snapshot of a run is judged with. */
  private record Judge(Standard standard, LocalDate date, Waivers waivers) {}

  private static MachineResult judge(String source, Snapshot s, Judge j) {
    MachineResult full = Evaluator.evaluate(source, s, j.standard(), j.date(), j.waivers());
    // A run keeps every result until it prints them: keep the snapshot's identity, which the
    // report names the machine by, not the sections the evaluator has finished reading.
    return new MachineResult(
        full.source(), s.identity(), full.verdict(), full.findings(), full.ageDays(), full.stale());
  }

  /**
   * The {@code *.json} files below a folder, sorted; an unreadable sub-folder is added to {@code
   * errors} and the rest of the tree is still listed.
   */
  public static List<Path> jsonFiles(Path dir, List<InputError> errors, String shown) {
    List<Path> files = new ArrayList<>();
    walk(dir, files, errors, shown);
    files.sort(null);
    return files;
  }

  /**
   * Walks {@code start} as {@link #jsonFiles} does, adding its {@code *.json} files (unsorted) and
   * its errors (in walk order) to the lists: a folder, or one entry of one (a file, a folder, a
   * link, which is not followed).
   */
  public static void walk(Path start, List<Path> files, List<InputError> errors, String shown) {
    try {
      Files.walkFileTree(
          start,
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
  }

  /** A snapshot file's bytes, refused when larger than {@link SnapshotCodec#MAX_BYTES}. */
  public static byte[] readFile(Path f) throws IOException, SnapshotException {
    ReadBuffer buffer = new ReadBuffer();
    readFile(f, buffer);
    return Arrays.copyOf(buffer.bytes, buffer.length);
  }

  /** Bytes read from a file, kept to be read into again; it grows to the largest file read. */
  public static final class ReadBuffer {
    private byte[] bytes = new byte[64 * 1024];
    private int length;

    /** The buffer: the bytes read, then whatever an earlier, longer read left. */
    public byte[] bytes() {
      return bytes;
    }

    /** How many bytes of {@link #bytes()} the last read put there. */
    public int length() {
      return length;
    }

    private void ensure(int needed) {
      if (bytes.length < needed) {
        int grown = (int) Math.min(SnapshotCodec.MAX_BYTES + 1L, 2L * bytes.length);
        bytes = Arrays.copyOf(bytes, Math.max(needed, grown));
      }
    }
  }

  /** {@link #readFile(Path)} into {@code into}: its bytes are the file's first {@code length()}. */
  public static void readFile(Path f, ReadBuffer into) throws IOException, SnapshotException {
    // One open: the size is the open file's (a stat of the path besides cost a quarter of a second
    // at 100,000 files), then that many bytes and one more are asked for: the end of the file
    // comes instead of that byte. A file that grew meanwhile, or one whose size says nothing (a
    // pipe), is read on up to one byte past the limit, which the codec refuses as too large.
    try (SeekableByteChannel channel = Files.newByteChannel(f)) {
      long size = channel.size();
      if (size > SnapshotCodec.MAX_BYTES) {
        throw new SnapshotException(
            f.toString(), null, "snapshot.error.tooLarge", size, SnapshotCodec.MAX_BYTES);
      }
      into.ensure((int) size + 1);
      ByteBuffer buffer = ByteBuffer.wrap(into.bytes, 0, (int) size + 1);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          break;
        }
      }
      int read = buffer.position();
      if (read > size) {
        byte[] rest =
            Channels.newInputStream(channel).readNBytes(SnapshotCodec.MAX_BYTES + 1 - read);
        into.ensure(read + rest.length);
        System.arraycopy(rest, 0, into.bytes, read, rest.length);
        read += rest.length;
      }
      into.length = read;
    }
  }

  /** Standard input, up to one byte more than a snapshot may be (so "too large" is told). */
  public static byte[] readBounded(InputStream in) throws IOException {
    // One byte more than the limit, so the codec can tell "too large" from "just fits".
    return in.readNBytes(SnapshotCodec.MAX_BYTES + 1);
  }
}
