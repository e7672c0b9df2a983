package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.cli.check.FileProgress;
import vn.hatang.cli.report.SnapshotStream;
import vn.hatang.core.Fixtures;
import vn.hatang.core.i18n.Messages;

/** Colours only on a terminal and without NO_COLOR; progress only on a terminal; --quiet. */
class TerminalTest {
  @TempDir Path dir;

  @Test
  void stateWordsAreColouredOnATerminalOnlyAndTheColumnsStayAligned() throws Exception {
    String in = TestSnapshots.three(dir).toString();
    Cli plain = Cli.runTerminal(Map.of(), false, "check", in, "--date", "2026-11-25");
    Cli coloured = Cli.runTerminal(Map.of(), true, "check", in, "--date", "2026-11-25");
    assertThat(plain.out()).doesNotContain("\u001b[");
    assertThat(coloured.out())
        .contains("\u001b[1;31mFAIL\u001b[0m")
        .contains("\u001b[32mPASS\u001b[0m");
    // Without the codes, the same text: padding is outside them.
    assertThat(coloured.out().replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain.out());
    // NO_COLOR (any value), TERM=dumb, a file or another format: no colours.
    assertThat(Cli.runTerminal(Map.of("NO_COLOR", "1"), true, "check", in).out())
        .doesNotContain("\u001b[");
    assertThat(Cli.runTerminal(Map.of("TERM", "dumb"), true, "check", in).out())
        .doesNotContain("\u001b[");
    assertThat(Cli.runTerminal(Map.of(), true, "check", in, "-f", "csv").out())
        .doesNotContain("\u001b[");
  }

  @Test
  void quietLeavesOnlyErrorsOnStandardError() throws Exception {
    String in = TestSnapshots.three(dir).toString();
    Path out = dir.resolve("r.json");
    Cli loud = Cli.run("report", "--period", "2026-11", in, "-f", "json", "-o", out.toString());
    assertThat(loud.err()).contains("written to");
    Cli quiet =
        Cli.run("report", "--period", "2026-11", in, "-f", "json", "-o", out.toString(), "--quiet");
    assertThat(quiet.exit()).isZero();
    assertThat(quiet.err()).isEmpty();
    // An error is still said.
    Cli bad = Cli.run("-q", "report", "--period", "2026-13", in);
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).isNotEmpty();
  }

  @Test
  void aProgressBarIsDrawnOnATerminalAndWipedNeverElsewhere() {
    Messages m = Messages.of(Locale.ENGLISH, HatangMain.BUNDLE);
    StringWriter err = new StringWriter();
    FileProgress bar = FileProgress.on(new PrintWriter(err, true), m, true, false);
    bar.files(0, 1000);
    bar.files(500, 1000); // within 100 ms of the first: not drawn again
    bar.finished();
    assertThat(err.toString()).startsWith("\r[").contains("0% 0 of 1,000 files").endsWith("\r");
    assertThat(
            err.toString().substring(err.toString().lastIndexOf('\r', err.toString().length() - 2)))
        .isBlank();
    StringWriter none = new StringWriter();
    FileProgress.on(new PrintWriter(none, true), m, false, false).files(1, 1000);
    FileProgress.on(new PrintWriter(none, true), m, true, true).files(1, 1000);
    assertThat(none.toString()).isEmpty();
  }

  @Test
  void aFolderStreamReportsItsProgressBatchByBatch() throws Exception {
    Path in = dir.resolve("many");
    Files.createDirectories(in);
    byte[] fixture = Fixtures.bytes("compliant-pc.json");
    String text = new String(fixture, java.nio.charset.StandardCharsets.UTF_8);
    String id =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(fixture)
            .get("snapshotId")
            .asText();
    for (int i = 0; i < 300; i++) {
      String other = String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", i);
      Files.writeString(in.resolve(i + ".json"), text.replace(id, other));
    }
    List<String> calls = new ArrayList<>();
    SnapshotStream<Void> stream =
        SnapshotStream.of(s -> {})
            .progress(
                new FileProgress() {
                  @Override
                  public void files(long done, long total) {
                    calls.add(done + "/" + total);
                  }

                  @Override
                  public void finished() {
                    calls.add("finished");
                  }
                });
    stream.path(in.toString(), System.in);
    assertThat(stream.read()).isEqualTo(300);
    assertThat(calls).containsExactly("0/300", "256/300", "finished");
  }
}
