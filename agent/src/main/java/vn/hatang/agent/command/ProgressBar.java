package vn.hatang.agent.command;

import java.io.PrintWriter;
import java.util.Locale;
import vn.hatang.agent.line.Progress;
import vn.hatang.core.i18n.Messages;

/**
 * A one-line progress bar on a terminal's stderr, redrawn with a carriage return and wiped when a
 * line is done. Used only when stderr is a terminal. Thread-safe.
 */
final class ProgressBar implements Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final Messages messages;

  ProgressBar(PrintWriter err, Messages messages) {
    this.err = err;
    this.messages = messages;
  }

  @Override
  public synchronized void update(String line, Phase phase, double fraction) {
    if (phase == Phase.DONE) {
      err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
      err.flush();
      return;
    }
    int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
    String phaseName = messages.get("measure.phase." + phase.name().toLowerCase(Locale.ROOT));
    err.print(
        String.format(
            Locale.ROOT,
            "\r[%s%s] %3d%% %s: %s   ",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            Math.round(fraction * 100),
            line,
            phaseName));
    err.flush();
  }
}
