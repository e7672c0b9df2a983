package vn.hatang.agent.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.agent.AgentMain;
import vn.hatang.agent.line.SpeedTestServers;

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
  void writesAWorkbookAPageOrMarkdownOfThisMachine(@TempDir Path dir) throws Exception {
    Path book = dir.resolve("out/this-pc.xlsx");
    int code =
        run(
            "--lang",
            "vi",
            "check",
            "--config",
            config(dir).toString(),
            "--role",
            "desktop",
            "--date",
            "2026-11-25",
            "-f",
            "xlsx",
            "-o",
            book.toString());
    assertThat(code).as(err.toString()).isIn(0, 1);
    assertThat(err.toString()).contains("đã ghi kết quả vào " + book);
    try (org.dhatim.fastexcel.reader.ReadableWorkbook wb =
        new org.dhatim.fastexcel.reader.ReadableWorkbook(Files.newInputStream(book))) {
      var machines = wb.findSheet("Các máy").orElseThrow().read();
      assertThat(machines).hasSize(2); // the header and this PC
      assertThat(machines.get(1).getCell(0).getText()).isEqualTo("21583");
      // Threads read by OSHI on this machine, stored as a number.
      assertThat(machines.get(1).getCell(4).getType())
          .isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
    }
    out.getBuffer().setLength(0);
    run("check", "--config", config(dir).toString(), "--date", "2026-11-25", "-f", "html");
    assertThat(out.toString()).startsWith("<!DOCTYPE html>").contains("21583");
    assertThat(out.toString()).contains("<footer>hatang-agent ");
    // In-process there is no byte stream: a workbook needs -o.
    err.getBuffer().setLength(0);
    assertThat(run("check", "--config", config(dir).toString(), "-f", "xlsx")).isEqualTo(2);
    assertThat(err.toString()).contains("--format xlsx writes a binary file: give -o FILE");
  }

  @Test
  void printsTheVietnameseTable(@TempDir Path dir) throws Exception {
    run("--lang", "vi", "check", "--config", config(dir).toString(), "--date", "2026-11-25");
    assertThat(out.toString())
        .contains("Bộ tiêu chuẩn: vn-basic-it 2025.1")
        .contains("21583 Phường Quy Nhơn")
        .contains("Tổng hợp: 1 máy");
  }

  private static JsonNode finding(JsonNode machine, String checkId) {
    for (JsonNode f : machine.get("findings")) {
      if (f.get("checkId").asText().equals(checkId)) {
        return f;
      }
    }
    throw new AssertionError("no finding " + checkId + " in " + machine);
  }

  @Test
  @Timeout(30)
  void measuresTheLinesAndJudgesThemWithTheLineChecks(@TempDir Path dir) throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    try (AutoCloseable server = SpeedTestServers.start(40)) {
      Path config = config(dir);
      Files.writeString(
          config,
          "lines:\n  - name: internet\n    endpoint: "
              + SpeedTestServers.url(server)
              + "\n    seconds: 2\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
      int code =
          run(
              "check",
              "--config",
              config.toString(),
              "--line",
              "dedicated=http://127.0.0.1:" + closed,
              "--role",
              "desktop",
              "-f",
              "json",
              "--date",
              "2026-11-25");
      assertThat(code).as(err.toString()).isEqualTo(1);
      JsonNode machine = new ObjectMapper().readTree(out.toString()).at("/machines/0");
      // 40 Mbit/s measured against 100 Mbps nominal (95.6 Mbit/s of goodput): FAIL, with the
      // shortfall in the check's unit.
      JsonNode down = finding(machine, "line.internet.download");
      assertThat(down.get("state").asText()).isEqualTo("FAIL");
      // Measured and shortfall are in the check's unit: 40 Mbit/s of goodput is a line sold at
      // 40 × 1514/1448 = 41.8 Mbps nominal, 58.2 short of 100.
      double nominal = down.get("measured").asDouble();
      assertThat(nominal).isCloseTo(40.0 * 1514 / 1448, within(6.0));
      assertThat(down.get("shortfall").asDouble()).isCloseTo(100 - nominal, within(0.01));
      // Loopback answers in well under the 60 ms allowed.
      assertThat(finding(machine, "line.internet.latency").get("state").asText()).isEqualTo("PASS");
      // The flagged dedicated line was refused: its checks are UNKNOWN and say why.
      JsonNode dedicated = finding(machine, "line.dedicated.download");
      assertThat(dedicated.get("state").asText()).isEqualTo("UNKNOWN");
      assertThat(dedicated.get("reason").asText())
          .isEqualTo(
              "line 'dedicated' could not be measured (REFUSED): connection refused by"
                  + " http://127.0.0.1:"
                  + closed);
      assertThat(machine.get("verdict").asText()).isEqualTo("FAIL");
    }
    // Not on a terminal (as under cron): no progress bar.
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void anUnknownStandardIsInvalidInput(@TempDir Path dir) throws Exception {
    int code = run("check", "--config", config(dir).toString(), "--standard", "nope");
    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).contains("no standard 'nope'");
    assertThat(out.toString()).isEmpty();
  }
}
