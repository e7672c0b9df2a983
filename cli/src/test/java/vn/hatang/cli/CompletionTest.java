package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.BashCompletion;

/** The completion script, loaded in a real bash and asked to complete. */
class CompletionTest {
  @TempDir Path dir;

  @Test
  void bashCompletesCommandsOptionsAndFormats() throws Exception {
    Cli r = Cli.run("completion");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("complete -F _complete_hatang").contains("bashcompinit");
    Path script = dir.resolve("hatang.bash");
    Files.writeString(script, r.out());
    assertThat(BashCompletion.complete(script, "_complete_hatang", "hatang", "rep"))
        .isEqualTo("report");
    assertThat(BashCompletion.complete(script, "_complete_hatang", "hatang", "report", "--per"))
        .isEqualTo("--period");
    assertThat(BashCompletion.complete(script, "_complete_hatang", "hatang", "check", "-f", ""))
        .isEqualTo("table\njson\ncsv\nxlsx\nhtml\nmd");
    assertThat(Cli.run("completion", "zsh").out()).isEqualTo(r.out());
    Cli fish = Cli.run("completion", "fish");
    assertThat(fish.exit()).isEqualTo(2);
    assertThat(fish.err()).contains("unknown shell 'fish': expected bash or zsh");
  }
}
