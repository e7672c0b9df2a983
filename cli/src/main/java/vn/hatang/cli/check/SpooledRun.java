package vn.hatang.cli.check;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import vn.hatang.cli.report.SnapshotStream;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.check.Finding;
import vn.hatang.core.check.InputError;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.check.State;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.PartRenderer;
import vn.hatang.core.render.RunSummary;
import vn.hatang.core.standard.Standard;

/**
 * A check run's output kept outside the heap while the run goes on: each machine's part is rendered
 * as soon as it is judged (on the thread that parsed it) and appended to a temporary file; the heap
 * keeps, per machine, where its part is, its row of the table and its sort key, not its findings.
 * Pieces the part shares with other machines' parts and that the renderer keeps for the run (a
 * deficiency table, JSON findings: {@link PartRenderer#pieces}) are held by reference, not written
 * again. {@link #writeTo} then writes the head, the parts in report order and the tail: the same
 * bytes as rendering the whole {@link CheckReport}.
 *
 * <p>The temporary file (owner-only; next to the output file, or in {@code java.io.tmpdir}) holds
 * the parts' own bytes, at most as large as the output, and is deleted by {@link #close}.
 */
public final class SpooledRun implements AutoCloseable {

  /** What is made of one machine ahead, on a parsing thread. */
  record Made(Key key, PartRenderer.Pieces part, String[] row) {}

  /**
   * What the heap keeps of a machine besides its row: the report's sort key ({@link
   * CheckReport#ORDER}: unit code, hostname, source, {@code null} as empty), what the summary
   * counts, and the findings with a waiver (their notices).
   */
  record Key(
      String unit,
      String hostname,
      String source,
      State verdict,
      boolean stale,
      List<Finding> waived) {
    static final Comparator<Key> ORDER =
        Comparator.comparing(Key::unit).thenComparing(Key::hostname).thenComparing(Key::source);

    static Key of(MachineResult r) {
      List<Finding> waived = new ArrayList<>();
      for (Finding x : r.findings()) {
        if (x.waiver() != null) {
          waived.add(x);
        }
      }
      return new Key(
          CheckReport.unitKey(r),
          CheckReport.hostnameKey(r),
          r.source(),
          r.verdict(),
          r.stale(),
          waived.isEmpty() ? List.of() : List.copyOf(waived));
    }
  }

  /**
   * One machine in the heap: its key, its row, where its own bytes are (or the bytes, {@link
   * #IN_HEAP}), and the pieces its part shares with others' (held by reference: the renderer keeps
   * them anyway) and where they go.
   */
  private record Entry(
      Key key,
      String[] row,
      long offset,
      int length,
      byte[][] shared,
      int[] sharedAt,
      byte[] inHeap) {}

  /**
   * A part's own bytes kept in the heap rather than spooled when they are at most this long and the
   * rest of the part is shared pieces (a title line beside a deficiency table): a few dozen bytes a
   * machine, against a system call each to read them back.
   */
  static final int IN_HEAP = 256;

  private final PartRenderer renderer;
  private final Formats formats;
  private final Standard standard;
  private final LocalDate date;
  private final Path file;

  /**
   * Written and read through one channel that deletes the file when it is closed (on Linux the name
   * goes at once and the space when the channel closes, whatever ends the process).
   */
  private final FileChannel channel;

  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
  private final List<Entry> entries = new ArrayList<>();
  private long written;
  private RunSummary summary;

  /**
   * @param folder where the temporary file goes ({@code null}: {@code java.io.tmpdir})
   */
  public SpooledRun(
      PartRenderer renderer, Formats formats, Standard standard, LocalDate date, Path folder)
      throws IOException {
    this.renderer = renderer;
    this.formats = formats;
    this.standard = standard;
    this.date = date;
    // Owner-only (rw------- on POSIX), as Files.createTempFile makes it.
    this.file =
        folder == null
            ? Files.createTempFile("hatang-check-", ".parts")
            : Files.createTempFile(folder, ".hatang-check-", ".parts");
    FileChannel c;
    try {
      c =
          FileChannel.open(
              file,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    this.channel = c;
  }

  /** The temporary file (gone once the run is closed; on Linux its name goes at once). */
  public Path file() {
    return file;
  }

  /** The machine's part and row, made on a parsing thread. Thread-safe. */
  Made make(MachineResult r) {
    PartRenderer.Pieces part = renderer.pieces(r, standard, formats);
    String[] row = renderer.row(r, formats);
    return new Made(Key.of(r), part, row);
  }

  /** Takes the next machine in input order. */
  void add(Made made) {
    PartRenderer.Pieces part = made.part();
    byte[] own = part.own();
    // A title line beside a shared table is kept here: no system call each to read it back.
    boolean inHeap = own.length <= IN_HEAP && part.shared().length > 0;
    long offset = -1;
    if (!inHeap) {
      try {
        if (own.length > buffer.remaining()) {
          flush();
        }
        if (own.length > buffer.capacity()) {
          write(ByteBuffer.wrap(own));
        } else {
          buffer.put(own);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      offset = written;
      written += own.length;
    }
    entries.add(
        new Entry(
            made.key(),
            made.row(),
            offset,
            own.length,
            part.shared(),
            part.at(),
            inHeap ? own : null));
  }

  private void flush() throws IOException {
    buffer.flip();
    write(buffer);
    buffer.clear();
  }

  private void write(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /** Ends the run: sorts into report order and sums up. */
  void finish(List<InputError> errors) throws IOException {
    flush();
    entries.sort((a, b) -> Key.ORDER.compare(a.key(), b.key())); // stable, as the report's
    RunSummary.Builder b = new RunSummary.Builder();
    for (Entry e : entries) {
      Key k = e.key();
      b.add(k.verdict(), k.stale(), k.waived(), e.row());
    }
    summary = b.build(standard, date, errors);
  }

  /** The run's summary: counts, errors, rows, exit code. */
  public RunSummary summary() {
    return summary;
  }

  /** Machines judged. */
  public int machines() {
    return entries.size();
  }

  /**
   * Writes the whole output (UTF-8) in report order. {@code out} is flushed, not closed.
   *
   * <p>The parts are read back from the spool ahead of the writing, {@link #CHUNK} at a time on one
   * thread per processor, at most {@link #AHEAD} chunks queued besides the one written: the first
   * ones while the machine table is written, the next ones while the earlier ones are.
   */
  public void writeTo(OutputStream out) throws IOException {
    int threads = Math.max(1, Math.min(AHEAD, Runtime.getRuntime().availableProcessors()));
    ExecutorService readers =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread t = new Thread(task, "hatang-spool");
              t.setDaemon(true);
              return t;
            });
    try {
      renderer.write(summary, formats, new PartsAhead(readers), out);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      // Not shutdownNow: an interrupted read would close the spool's channel under the others.
      // What is queued (at most AHEAD chunks) is read and dropped.
      readers.shutdown();
    }
  }

  /** Parts read back per chunk of entries. */
  static final int CHUNK = 256;

  /**
   * Chunks queued ahead at most, besides the one being written: bounds what is held (a JSON part is
   * some 13 KB).
   */
  static final int AHEAD = 4;

  /** The parts in report order, read {@link #AHEAD} chunks ahead. */
  private final class PartsAhead implements Iterator<byte[]> {
    private final ExecutorService readers;
    private final ArrayDeque<CompletableFuture<byte[][]>> queued = new ArrayDeque<>();
    private int nextChunk;
    private byte[][] current = new byte[0][];
    private int at;
    private int handed;

    PartsAhead(ExecutorService readers) {
      this.readers = readers;
      while (queued.size() < AHEAD && queueNext()) {
        // the first chunks, read while the head and the machine table are written
      }
    }

    private boolean queueNext() {
      int from = nextChunk * CHUNK;
      if (from >= entries.size()) {
        return false;
      }
      List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
      queued.add(CompletableFuture.supplyAsync(() -> read(chunk), readers));
      nextChunk++;
      return true;
    }

    @Override
    public boolean hasNext() {
      return handed < entries.size();
    }

    @Override
    public byte[] next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (at == current.length) {
        current = SnapshotStream.joinHere(queued.remove());
        at = 0;
        queueNext();
      }
      handed++;
      byte[] part = current[at];
      current[at++] = null; // written: not held any longer
      return part;
    }
  }

  /** Reads some entries' parts from the spool (positional reads: safe from several threads). */
  private byte[][] read(List<Entry> chunk) {
    byte[][] parts = new byte[chunk.size()][];
    try {
      for (int i = 0; i < parts.length; i++) {
        Entry e = chunk.get(i);
        if (e.inHeap() != null) {
          parts[i] = new PartRenderer.Pieces(e.inHeap(), e.shared(), e.sharedAt()).part();
          continue;
        }
        ByteBuffer buf = ByteBuffer.allocate(e.length());
        while (buf.hasRemaining()) {
          if (channel.read(buf, e.offset() + buf.position()) < 0) {
            throw new IOException("spool file " + file + " ended early");
          }
        }
        parts[i] = new PartRenderer.Pieces(buf.array(), e.shared(), e.sharedAt()).part();
      }
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
    return parts;
  }

  @Override
  public void close() {
    try {
      channel.close(); // deletes the file
    } catch (IOException e) {
      // Closing failed: the name may be left (it goes at exit at the latest, below).
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }
}
