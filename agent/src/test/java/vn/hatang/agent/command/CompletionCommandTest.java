package vn.hatang.agent.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.agent.AgentMain;

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
    assertThat(complete(script, "hatang-agent", "ch")).isEqualTo("check");
    assertThat(complete(script, "hatang-agent", "check", "--for")).isEqualTo("--format");
  }

  private static String complete(Path script, String... words) throws Exception {
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
            + "'; COMP_POINT=${#COMP_LINE}; _complete_hatang-agent 2>/dev/null;"
            + " printf '%s\\n' \"${COMPREPLY[@]}\"";
    Process p = new ProcessBuilder("bash", "-c", program).start();
    String result = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return result.strip();
  }
}
