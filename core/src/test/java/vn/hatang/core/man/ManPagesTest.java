package vn.hatang.core.man;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class ManPagesTest {
  @TempDir Path dir;

  @Command(
      name = "tool",
      description = {"Does things. More words.", ".starts with a dot \\ and a backslash"},
      subcommands = {Tool.Sub.class, CommandLine.HelpCommand.class},
      exitCodeList = {"0:fine", "2:usage"})
  static final class Tool implements Runnable {
    @Option(
        names = {"-f", "--format"},
        paramLabel = "FORMAT",
        description = "Output format: ${COMPLETION-CANDIDATES}.")
    Mode format;

    @Option(names = "--secret", hidden = true)
    boolean secret;

    @Parameters(paramLabel = "PATH", description = "Input files.")
    List<String> paths;

    enum Mode {
      table,
      json
    }

    @Override
    public void run() {}

    @Command(name = "sub", description = "A sub-command.")
    static final class Sub implements Runnable {
      @Override
      public void run() {}
    }
  }

  @Test
  void aPagePerCommandWithOptionsExitCodesAndEscapedText() throws Exception {
    List<Path> pages = ManPages.write(new CommandLine(new Tool()), dir, "tool 1.0", "tool manual");
    assertThat(pages)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("tool.1", "tool-sub.1");
    String page = Files.readString(dir.resolve("tool.1"));
    assertThat(page).contains(".TH \"TOOL\" 1 \"\" \"tool 1.0\" \"tool manual\"");
    assertThat(page).contains(".SH \"NAME\"\ntool \\- Does things\n");
    assertThat(page)
        .contains("\\fB\\-f\\fR, \\fB\\-\\-format\\fR=\\fIFORMAT\\fR\nOutput format: table, json.");
    assertThat(page).doesNotContain("secret");
    assertThat(page).contains("\\&.starts with a dot \\e and a backslash");
    assertThat(page).contains(".SH \"EXIT STATUS\"\n.TP\n\\fB0\\fR\nfine\n");
    assertThat(page)
        .contains(
            ".SH \"COMMANDS\"\n.TP\n\\fBsub\\fR\nA sub\\-command.\nSee \\fBtool\\-sub\\fR(1).");
    assertThat(page).contains(".SH \"SEE ALSO\"\n\\fBtool\\-sub\\fR(1)");
  }

  @Test
  void groffRendersThePage() throws Exception {
    ManPages.write(new CommandLine(new Tool()), dir, "tool 1.0", "tool manual");
    if (!Files.isExecutable(Path.of("/usr/bin/groff"))) {
      System.err.println("ManPagesTest: no groff, the rendering is not checked");
      return;
    }
    Process p =
        new ProcessBuilder("groff", "-man", "-Tutf8", "-rLL=100n", dir.resolve("tool.1").toString())
            .redirectErrorStream(true)
            .start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String plain = text.replaceAll(".\b", "");
    assertThat(plain).contains("TOOL(1)").contains("tool - Does things");
    assertThat(plain)
        .contains("-f, --format=FORMAT")
        .contains(".starts with a dot \\ and a backslash");
    assertThat(plain).doesNotContain("warning");
  }
}
