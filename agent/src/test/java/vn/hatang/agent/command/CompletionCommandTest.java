package vn.hatang.agent.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.agent.AgentMain;
import vn.hatang.core.BashCompletion;

/** The agent's completion script, loaded in a real bash. */
class CompletionCommandTest {
  @TempDir Path dir;

  @Test
  void bashCompletesTheAgentsCommandsAndOptions() throws Exception {
    StringWriter out = new StringWriter();
    int code =
        AgentMain.execute(
            new String[] {"completion"},
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true),
            Map.of());
    assertThat(code).isZero();
    Path script = dir.resolve("hatang-agent.bash");
    Files.writeString(script, out.toString());
    assertThat(BashCompletion.complete(script, "_complete_hatang-agent", "hatang-agent", "ch"))
        .isEqualTo("check");
    assertThat(
            BashCompletion.complete(
                script, "_complete_hatang-agent", "hatang-agent", "check", "--for"))
        .isEqualTo("--format");
  }
}
