package vn.hatang.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Asks a real bash what a completion script completes (for the programs' completion tests). */
public final class BashCompletion {
  private BashCompletion() {}

  /**
   * The completions, one per line, of the last word of a command line.
   *
   * @param script the completion script
   * @param function its completion function ({@code _complete_hatang})
   * @param words the command line's words, the last being completed (may be empty)
   */
  public static String complete(Path script, String function, String... words) throws Exception {
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
    Process p = new ProcessBuilder("bash", "-c", program).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out.strip();
  }
}
