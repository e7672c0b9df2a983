package vn.hatang.agent.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.hatang.agent.AgentMain;
import vn.hatang.agent.line.Progress.Phase;
import vn.hatang.core.i18n.Messages;

class ProgressBarTest {
  private final StringWriter err = new StringWriter();

  private ProgressBar bar(Locale locale) {
    return new ProgressBar(new PrintWriter(err, true), Messages.of(locale, AgentMain.BUNDLE));
  }

  @Test
  void drawsOneLineRedrawnInPlace() {
    ProgressBar bar = bar(Locale.ENGLISH);
    bar.update("internet", Phase.LATENCY, 0);
    bar.update("internet", Phase.DOWNLOAD, 0.5);
    assertThat(err.toString())
        .isEqualTo(
            "\r[..............................]   0% internet: latency"
                + "\r[###############...............]  50% internet: download");
    assertThat(err.toString()).doesNotContain("\n");
  }

  @Test
  void fractionsOutsideZeroToOneAreClamped() {
    ProgressBar bar = bar(Locale.ENGLISH);
    bar.update("dedicated", Phase.UPLOAD, 1.7);
    assertThat(err.toString()).startsWith("\r[" + "#".repeat(30) + "] 100% dedicated: upload");
    err.getBuffer().setLength(0);
    bar.update("dedicated", Phase.UPLOAD, -0.2);
    assertThat(err.toString()).startsWith("\r[" + ".".repeat(30) + "]   0% dedicated: upload");
  }

  @Test
  void aFinishedLineIsWipedLeavingNothingOnTheTerminal() {
    ProgressBar bar = bar(Locale.ENGLISH);
    bar.update("internet", Phase.DOWNLOAD, 0.5);
    bar.update("internet", Phase.UPLOAD, 0.9);
    err.getBuffer().setLength(0);
    bar.update("internet", Phase.DONE, 1);
    // As wide as the widest text drawn: "[30 marks]  50% internet: download" is 56 columns.
    assertThat(err.toString()).isEqualTo("\r" + " ".repeat(56) + "\r");
  }

  @Test
  void aShorterTextBlanksWhatALongerOneLeft() {
    ProgressBar bar = bar(Locale.ENGLISH);
    bar.update("internet", Phase.DOWNLOAD, 0.5);
    err.getBuffer().setLength(0);
    bar.update("internet", Phase.UPLOAD, 0.6);
    // "upload" is two columns shorter than "download".
    assertThat(err.toString())
        .isEqualTo("\r[##################............]  60% internet: upload  ");
  }

  @Test
  void phasesAreNamedInVietnamese() {
    ProgressBar bar = bar(Locale.forLanguageTag("vi"));
    bar.update("internet", Phase.DOWNLOAD, 0.25);
    bar.update("internet", Phase.UPLOAD, 0.75);
    bar.update("internet", Phase.LATENCY, 0.01);
    assertThat(err.toString())
        .contains("internet: tải xuống")
        .contains("internet: tải lên")
        .contains("internet: đo độ trễ");
  }
}
