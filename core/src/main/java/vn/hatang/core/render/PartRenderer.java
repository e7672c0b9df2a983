package vn.hatang.core.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.standard.Standard;

/**
 * A renderer whose output is a head, one part per machine in report order, and a tail: a run over
 * many machines makes each machine's part as soon as it is judged (on any thread), keeps the parts
 * outside the heap and writes them in report order at the end, holding only a {@link RunSummary}. A
 * whole report is rendered from the same pieces, so both ways give the same bytes.
 *
 * <p>Parts and output are UTF-8 bytes: a part made on a parsing thread is encoded once and copied
 * as it is to the output, never decoded and encoded again.
 */
public interface PartRenderer extends ReportRenderer {
  /**
   * One machine's part of the output, in UTF-8. Pure and thread-safe.
   *
   * @param standard the run's standard
   */
  byte[] part(MachineResult r, Standard standard, Formats f);

  /**
   * A machine's part in pieces, for a run that keeps parts outside the heap: its own bytes, and
   * pieces shared with other machines' parts that the renderer keeps for the run (never changed),
   * which the run then holds by reference instead of storing them again. The part is {@code own}
   * with {@code shared[k]} put in at {@code at[k]} (positions in {@code own}, in order). Pure and
   * thread-safe.
   */
  default Pieces pieces(MachineResult r, Standard standard, Formats f) {
    return new Pieces(part(r, standard, f), Pieces.NONE, Pieces.NOWHERE);
  }

  /**
   * See {@link PartRenderer#pieces}.
   *
   * @param own the machine's own bytes
   * @param shared pieces kept by the renderer
   * @param at where in {@code own} each shared piece goes, in order
   */
  record Pieces(byte[] own, byte[][] shared, int[] at) {
    /** No shared piece. */
    public static final byte[][] NONE = {};

    /** No place. */
    public static final int[] NOWHERE = {};

    /** The whole part. */
    public byte[] part() {
      if (shared.length == 0) {
        return own;
      }
      int n = own.length;
      for (byte[] piece : shared) {
        n += piece.length;
      }
      byte[] out = new byte[n];
      int from = 0;
      int to = 0;
      for (int k = 0; k < shared.length; k++) {
        System.arraycopy(own, from, out, to, at[k] - from);
        to += at[k] - from;
        from = at[k];
        System.arraycopy(shared[k], 0, out, to, shared[k].length);
        to += shared[k].length;
      }
      System.arraycopy(own, from, out, to, own.length - from);
      return out;
    }
  }

  /** The machine's row for the head, kept in the summary; {@code null} when the format has none. */
  default String[] row(MachineResult r, Formats f) {
    return null;
  }

  /**
   * Writes the whole output in UTF-8: the head, the parts in the order given, the tail. {@code out}
   * is flushed, not closed.
   *
   * @param parts each machine's {@link #part}, in report order
   * @throws IOException if {@code out} cannot be written
   */
  void write(RunSummary summary, Formats f, Iterator<byte[]> parts, OutputStream out)
      throws IOException;

  @Override
  default String render(CheckReport report, Formats f) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      render(report, f, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes a whole report in UTF-8 as it goes, machine by machine: the same bytes as {@link
   * #render(CheckReport, Formats)}. {@code out} is flushed, not closed.
   *
   * @throws IOException if {@code out} cannot be written
   */
  default void render(CheckReport report, Formats f, OutputStream out) throws IOException {
    Iterator<MachineResult> machines = report.machines().iterator();
    Iterator<byte[]> parts =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return machines.hasNext();
          }

          @Override
          public byte[] next() {
            return part(machines.next(), report.standard(), f);
          }
        };
    write(RunSummary.of(report, this, f), f, parts, out);
  }
}
