package vn.hatang.core.render;

import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.standard.Standard;

/**
 * A renderer whose output is a head, one part per machine in report order, and a tail: a run over
 * many machines makes each machine's part as soon as it is judged (on any thread), keeps the parts
 * outside the heap and writes them in report order at the end, holding only a {@link RunSummary}. A
 * whole report is rendered from the same pieces, so both ways give the same bytes.
 */
public interface PartRenderer extends ReportRenderer {
  /**
   * One machine's part of the output. Pure and thread-safe.
   *
   * @param standard the run's standard
   */
  String part(MachineResult r, Standard standard, Formats f);

  /** The machine's row for the head, kept in the summary; {@code null} when the format has none. */
  default String[] row(MachineResult r, Formats f) {
    return null;
  }

  /**
   * Writes the whole output: the head, the parts in the order given, the tail. {@code out} is
   * flushed, not closed.
   *
   * @param parts each machine's {@link #part}, in report order
   * @throws IOException if {@code out} cannot be written
   */
  void write(RunSummary summary, Formats f, Iterator<String> parts, Writer out) throws IOException;

  @Override
  default String render(CheckReport report, Formats f) {
    return ReportRenderer.collect(this, report, f);
  }

  @Override
  default void render(CheckReport report, Formats f, Writer out) throws IOException {
    Iterator<MachineResult> machines = report.machines().iterator();
    Iterator<String> parts =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return machines.hasNext();
          }

          @Override
          public String next() {
            return part(machines.next(), report.standard(), f);
          }
        };
    write(RunSummary.of(report, this, f), f, parts, out);
  }
}
