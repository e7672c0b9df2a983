package vn.hatang.cli.check;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.check.Finding;
import vn.hatang.core.check.InputError;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.PartRenderer;
import vn.hatang.core.render.RunSummary;
import vn.hatang.core.standard.Standard;

/**
 * A check run's output kept outside the heap while the run goes on: each machine's part is rendered
 * as soon as it is judged (on the thread that parsed it) and appended to a temporary file; the heap
 * keeps, per machine, where its part is, its row of the table and its identity (for the sort), not
 * its findings. {@link #writeTo} then writes the head, the parts in report order and the tail: the
 * same bytes as rendering the whole {@link CheckReport}.
 *
 * <p>The temporary file (owner-only, in {@code java.io.tmpdir}) is as large as the output and is
 * deleted by {@link #close}.
 */
public final class SpooledRun implements AutoCloseable {

  /** What is made of one machine ahead, on a parsing thread. */
  record Made(MachineResult kept, byte[] part, String[] row) {}

  /** One machine in the heap: its identity and waivers, its row, where its part is. */
  private record Entry(MachineResult kept, String[] row, long offset, int length) {}

  private final PartRenderer renderer;
  private final Formats formats;
  private final Standard standard;
  private final LocalDate date;
  private final Path file;
  private final OutputStream parts;
  private final List<Entry> entries = new ArrayList<>();
  private long written;
  private RunSummary summary;

  SpooledRun(PartRenderer renderer, Formats formats, Standard standard, LocalDate date)
      throws IOException {
    this.renderer = renderer;
    this.formats = formats;
    this.standard = standard;
    this.date = date;
    this.file = Files.createTempFile("hatang-check-", ".parts");
    file.toFile().deleteOnExit();
    this.parts = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
  }

  /** The machine's part and row, made on a parsing thread. Thread-safe. */
  Made make(MachineResult r) {
    byte[] part = renderer.part(r, standard, formats).getBytes(StandardCharsets.UTF_8);
    String[] row = renderer.row(r, formats);
    // Kept: the identity (sort order, the summary) and the findings with a waiver (its notices).
    List<Finding> waived = new ArrayList<>();
    for (Finding x : r.findings()) {
      if (x.waiver() != null) {
        waived.add(x);
      }
    }
    MachineResult kept =
        new MachineResult(
            r.source(), r.snapshot().identity(), r.verdict(), waived, r.ageDays(), r.stale());
    return new Made(kept, part, row);
  }

  /** Takes the next machine in input order. */
  void add(Made made) {
    try {
      parts.write(made.part());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    entries.add(new Entry(made.kept(), made.row(), written, made.part().length));
    written += made.part().length;
  }

  /** Ends the run: sorts into report order and sums up. */
  void finish(List<InputError> errors) throws IOException {
    parts.close();
    entries.sort((a, b) -> CheckReport.ORDER.compare(a.kept(), b.kept()));
    RunSummary.Builder b = new RunSummary.Builder();
    for (Entry e : entries) {
      b.add(e.kept(), e.row());
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

  /** Writes the whole output in report order. {@code out} is flushed, not closed. */
  public void writeTo(Writer out) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      Iterator<Entry> it = entries.iterator();
      Iterator<String> texts =
          new Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public String next() {
              Entry e = it.next();
              ByteBuffer buf = ByteBuffer.allocate(e.length());
              try {
                while (buf.hasRemaining()) {
                  if (in.read(buf, e.offset() + buf.position()) < 0) {
                    throw new IOException("spool file " + file + " ended early");
                  }
                }
              } catch (IOException x) {
                throw new UncheckedIOException(x);
              }
              return new String(buf.array(), StandardCharsets.UTF_8);
            }
          };
      try {
        renderer.write(summary, formats, texts, out);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  @Override
  public void close() {
    try {
      parts.close();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temporary file left behind is removed at exit (deleteOnExit).
    }
  }
}
