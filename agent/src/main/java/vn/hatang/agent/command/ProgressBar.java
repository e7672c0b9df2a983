package vn.hatang.agent.command;

import java.io.PrintWriter;
import java.util.Locale;
import vn.hatang.agent.line.Progress;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.Terminal;

/**
 * The line tests' progress on a terminal's stderr ({@link Terminal.ProgressLine}): the line and its
 * phase. Used only when stderr is a terminal. Thread-safe.
 */
final class ProgressBar implements Progress {
  private final Terminal.ProgressLine bar;
  private final Messages messages;

  ProgressBar(PrintWriter err, Messages messages) {
    this.bar = new Terminal.ProgressLine(err);
    this.messages = messages;
  }

  @Override
  public void update(String line, Phase phase, double fraction) {
    if (phase == Phase.DONE) {
      bar.done();
      return;
    }
    String phaseName = messages.get("measure.phase." + phase.name().toLowerCase(Locale.ROOT));
    bar.show(fraction, line + ": " + phaseName);
  }
}
