package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script, loaded in a real bash and asked to complete. */
class CompletionTest {
  @TempDir Path dir;

  /** What bash completes for the words of a command line (the last one being completed). */
  static String complete(Path script, String function, String... words) throws Exception {
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append(" '").append(w).append('\'');
    }
    String line = String.join(" ", words);
    String program =
        "source '"
            + script
            + "' 2>/dev/null; COMP_WORDS=("
            + array
            + "); COMP_CWORD="
            + (words.length - 1)
            + "; COMP_LINE='"
            + line
            + "'; COMP_POINT=${#COMP_LINE}; "
            + function
            + " 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
    Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out.strip();
  }

  @Test
  void bashCompletesCommandsOptionsAndFormats() throws Exception {
    Cli r = Cli.run("completion");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("complete -F _complete_hatang").contains("bashcompinit");
    Path script = dir.resolve("hatang.bash");
    Files.writeString(script, r.out());
    assertThat(complete(script, "_complete_hatang", "hatang", "rep")).isEqualTo("report");
    assertThat(complete(script, "_complete_hatang", "hatang", "report", "--per"))
        .isEqualTo("--period");
    assertThat(complete(script, "_complete_hatang", "hatang", "check", "-f", ""))
        .isEqualTo("table\njson\ncsv\nxlsx\nhtml\nmd");
    assertThat(Cli.run("completion", "zsh").out()).isEqualTo(r.out());
    Cli fish = Cli.run("completion", "fish");
    assertThat(fish.exit()).isEqualTo(2);
    assertThat(fish.err()).contains("unknown shell 'fish': expected bash or zsh");
  }
}
