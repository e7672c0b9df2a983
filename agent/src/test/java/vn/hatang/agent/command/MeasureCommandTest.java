package vn.hatang.agent.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.agent.AgentMain;
import vn.hatang.agent.line.SpeedTestServers;
import vn.hatang.core.snapshot.LineMeasurement;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;

class MeasureCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return AgentMain.execute(
        args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  @Timeout(60)
  void measuresAFlaggedLineWithDefaultsAsJson() throws Exception {
    try (AutoCloseable server = SpeedTestServers.start(40)) {
      String url = SpeedTestServers.url(server);
      int code = run("--lang", "en", "measure", "--line", "internet=" + url, "--format", "json");
      assertThat(code).as(err.toString()).isZero();
      // stderr is not a terminal here: no progress bar, nothing at all.
      assertThat(err.toString()).isEmpty();
      List<LineMeasurement> lines =
          SnapshotCodec.mapper().readValue(out.toString(), new TypeReference<>() {});
      assertThat(lines)
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.name()).isEqualTo("internet");
                assertThat(m.endpoint()).isEqualTo(url);
                assertThat(m.status()).isEqualTo("OK");
                assertThat(m.streams()).isEqualTo(4);
                // Default 10 s per direction, 2 s grace.
                assertThat(m.download().graceMs()).isEqualTo(2_000L);
                assertThat(m.downloadMbps()).isCloseTo(40.0, within(6.0));
                assertThat(m.uploadMbps()).isCloseTo(40.0, within(6.0));
              });
    }
  }

  @Test
  @Timeout(20)
  void aFlagReplacesTheConfiguredLineOfTheSameName(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        "lines:\n  - name: internet\n    endpoint: http://192.0.2.1:8080\n    seconds: 2\n",
        StandardCharsets.UTF_8);
    int port = closedPort();
    int code =
        run(
            "--lang",
            "en",
            "measure",
            "--config",
            config.toString(),
            "--line",
            "internet=http://127.0.0.1:" + port);
    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .startsWith("Line      Status   Down Mbit/s")
        .contains("internet  REFUSED")
        .contains("internet: REFUSED: connection refused by http://127.0.0.1:" + port);
  }

  @Test
  void vietnameseTable() throws Exception {
    int code =
        run("--lang", "vi", "measure", "--line", "internet=http://127.0.0.1:" + closedPort());
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).startsWith("Đường truyền").contains("từ chối kết nối");
  }

  @Test
  void noLineIsAUsageError(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("agent.yaml");
    Files.writeString(config, "tags: [a]\n", StandardCharsets.UTF_8);
    assertThat(run("--lang", "en", "measure", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: no line to measure");
  }

  @Test
  void aBadFlagIsAUsageError() {
    assertThat(run("--lang", "en", "measure", "--line", "internet")).isEqualTo(2);
    assertThat(err.toString()).contains("invalid --line 'internet': expected NAME=URL");
    err.getBuffer().setLength(0);
    assertThat(run("--lang", "en", "measure", "--line", "a b=ftp://x")).isEqualTo(2);
    assertThat(err.toString()).contains("--line: line name 'a b' must be");
  }

  @Test
  void aBadConfiguredLineExitsWith3AndNamesThePlace(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        "lines:\n  - name: internet\n    endpoint: http://10.1.2.3:8080\n    streams: 0\n",
        StandardCharsets.UTF_8);
    assertThat(run("--lang", "en", "measure", "--config", config.toString())).isEqualTo(3);
    assertThat(err.toString().strip())
        .isEqualTo("error: " + config + ":4:5: streams must be from 1 to 16, not 0");
  }

  @Test
  @Timeout(20)
  void collectPutsTheLinesInTheSnapshotAndNeverFailsForThem(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("agent.yaml");
    Files.writeString(config, "spoolDir: " + dir.resolve("spool") + "\n", StandardCharsets.UTF_8);
    int port = closedPort();
    int code =
        run(
            "collect",
            "--config",
            config.toString(),
            "--line",
            "internet=http://127.0.0.1:" + port,
            "--line",
            "dedicated=http://nonexistent.invalid");
    assertThat(code).isZero();
    Snapshot snapshot =
        SnapshotCodec.read(out.toString().getBytes(StandardCharsets.UTF_8), "stdout");
    assertThat(snapshot.lines())
        .extracting(LineMeasurement::name, LineMeasurement::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("internet", "REFUSED"),
            org.assertj.core.groups.Tuple.tuple("dedicated", "DNS"));
    assertThat(snapshot.cpu()).isNotNull();
  }
}
