package vn.hatang.agent.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.agent.AgentMain;

/** The desk self-check on this build machine's real hardware. */
class CheckCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return AgentMain.execute(
        args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
  }

  private static Path config(Path dir) throws Exception {
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        "unit:\n  code: '21583'\n  name: Phường Quy Nhơn\n  level: commune\nspoolDir: "
            + dir.resolve("spool")
            + "\n",
        StandardCharsets.UTF_8);
    return config;
  }

  @Test
  void judgesThisMachineAndExitCodeFollowsTheVerdict(@TempDir Path dir) throws Exception {
    int code =
        run(
            "check",
            "--config",
            config(dir).toString(),
            "--role",
            "desktop",
            "-f",
            "json",
            "--date",
            "2026-11-25");
    JsonNode json = new ObjectMapper().readTree(out.toString());
    JsonNode machine = json.at("/machines/0");
    assertThat(json.at("/standard/id").asText()).isEqualTo("vn-basic-it");
    assertThat(json.at("/standard/sha256").asText()).hasSize(64);
    assertThat(machine.at("/unit/name").asText()).isEqualTo("Phường Quy Nhơn");
    assertThat(machine.at("/source").asText()).isEqualTo("this PC");
    // The thread check reads the real processor count.
    int cpus = Runtime.getRuntime().availableProcessors();
    JsonNode threads = null;
    for (JsonNode f : machine.get("findings")) {
      if (f.get("checkId").asText().equals("cpu.threads")) {
        threads = f;
      }
    }
    assertThat(threads).isNotNull();
    assertThat(threads.get("measured").asInt()).isEqualTo(cpus);
    assertThat(threads.get("state").asText()).isEqualTo(cpus >= 4 ? "PASS" : "FAIL");
    String verdict = machine.get("verdict").asText();
    assertThat(code).isEqualTo(verdict.equals("FAIL") ? 1 : 0);
  }

  @Test
  void printsTheVietnameseTable(@TempDir Path dir) throws Exception {
    run("--lang", "vi", "check", "--config", config(dir).toString(), "--date", "2026-11-25");
    assertThat(out.toString())
        .contains("Bộ tiêu chuẩn: vn-basic-it 2025.1")
        .contains("21583 Phường Quy Nhơn")
        .contains("Tổng hợp: 1 máy");
  }

  @Test
  void anUnknownStandardIsInvalidInput(@TempDir Path dir) throws Exception {
    int code = run("check", "--config", config(dir).toString(), "--standard", "nope");
    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).contains("no standard 'nope'");
    assertThat(out.toString()).isEmpty();
  }
}
