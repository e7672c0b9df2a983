package vn.hatang.agent.command;

import java.io.PrintWriter;
import java.util.Locale;
import vn.hatang.agent.line.Progress;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.TextWidth;

/**
 * A one-line progress bar on a terminal's stderr, redrawn with a carriage return and wiped when a
 * line is done. Used only when stderr is a terminal. Thread-safe.
 */
final class ProgressBar implements Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final Messages messages;

  /** Display width of what is on the terminal line now (what a redraw or a wipe must cover). */
  private int shown;

  ProgressBar(PrintWriter err, Messages messages) {
    this.err = err;
    this.messages = messages;
  }

  @Override
  public synchronized void update(String line, Phase phase, double fraction) {
    if (phase == Phase.DONE) {
      err.print("\r" + " ".repeat(shown) + "\r");
      err.flush();
      shown = 0;
      return;
    }
    double done = Math.max(0, Math.min(1, fraction));
    int filled = (int) Math.round(done * WIDTH);
    String phaseName = messages.get("measure.phase." + phase.name().toLowerCase(Locale.ROOT));
    String text =
        String.format(
            Locale.ROOT,
            "[%s%s] %3d%% %s: %s",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            Math.round(done * 100),
            line,
            phaseName);
    int width = TextWidth.of(text);
    // Blanks over the rest of a longer previous text (a longer phase name, another line).
    err.print("\r" + text + " ".repeat(Math.max(0, shown - width)));
    err.flush();
    shown = Math.max(shown, width);
  }
}
