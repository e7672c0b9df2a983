package vn.hatang.cli.check;

import java.io.PrintWriter;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.Terminal;

/** Progress through a folder's files, for a bar on a terminal's standard error. */
public interface FileProgress {
  /** {@code done} of {@code total} files read. */
  void files(long done, long total);

  /** The work is over: wipe what was drawn. */
  void finished();

  /** No progress shown (not a terminal, {@code --quiet}, tests). */
  FileProgress NONE =
      new FileProgress() {
        @Override
        public void files(long done, long total) {}

        @Override
        public void finished() {}
      };

  /**
   * A bar on standard error when it is a terminal and the run is not quiet, else {@link #NONE}:
   * cron gets nothing.
   */
  static FileProgress on(PrintWriter err, Messages messages, boolean terminal, boolean quiet) {
    if (!terminal || quiet) {
      return NONE;
    }
    Terminal.ProgressLine line = new Terminal.ProgressLine(err, 100);
    return new FileProgress() {
      @Override
      public void files(long done, long total) {
        // Small runs finish before a bar helps: only folders of some size get one.
        if (total >= 200) {
          line.show(
              total == 0 ? 1 : (double) done / total, messages.get("progress.files", done, total));
        }
      }

      @Override
      public void finished() {
        line.done();
      }
    };
  }
}
