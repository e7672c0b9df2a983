package vn.hatang.agent.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.agent.AgentMain;
import vn.hatang.agent.upload.TestCollector;
import vn.hatang.core.snapshot.SnapshotCodec;

/** {@code run --no-delay} end to end: real collection, real HTTP to an in-process collector. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunCommandTest {
  static final String TOKEN = "hat_abcdefgh_RunS3cretRunS3cretRunS3cretRunS3cret00";

  @TempDir Path dir;
  private TestCollector collector;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    collector = new TestCollector();
  }

  @AfterEach
  void stop() {
    collector.close();
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return AgentMain.execute(
        args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
  }

  /**
   * A configuration with a day-long random delay (which --no-delay must skip) and, when {@code
   * collectorYaml} is given, that collector section.
   */
  private Path config(String collectorYaml) throws Exception {
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        "unit: {code: '21583', name: Phường Quy Nhơn, level: commune}\n"
            + "spoolDir: "
            + dir.resolve("var")
            + "\n"
            + "schedule: {randomDelaySeconds: 86400}\n"
            + (collectorYaml == null ? "" : collectorYaml),
        StandardCharsets.UTF_8);
    return config;
  }

  private Path configWithTokenFile() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    ownerOnly(token);
    return config("collector:\n  url: " + collector.url() + "\n  tokenFile: " + token + "\n");
  }

  /** chmod 600, where the file system has POSIX permissions. */
  private static void ownerOnly(Path file) throws Exception {
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  private long spooled() throws Exception {
    Path queue = dir.resolve("var/spool");
    try (var files = Files.list(queue)) {
      return files.filter(f -> f.toString().endsWith(".json")).count();
    }
  }

  private JsonNode state() throws Exception {
    return SnapshotCodec.mapper().readTree(dir.resolve("var/state.json").toFile());
  }

  @Test
  void collectsSpoolsAndUploads() throws Exception {
    int code =
        run("--lang", "en", "run", "--no-delay", "--config", configWithTokenFile().toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("uploaded 1, kept 0, rejected 0" + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
    assertThat(collector.stored).hasSize(1);
    JsonNode stored = SnapshotCodec.mapper().readTree(collector.stored.values().iterator().next());
    assertThat(stored.path("unit").path("code").asText()).isEqualTo("21583");
    assertThat(collector.requests.get(0).authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(spooled()).isZero();
    assertThat(state().path("uploadFailures").asInt()).isZero();
    assertThat(
            state().path("nextUploadAt").isNull() || state().path("nextUploadAt").isMissingNode())
        .isTrue();
  }

  @Test
  void anOutageKeepsTheSnapshotBacksOffAndTheNextRunWaits() throws Exception {
    Path config = configWithTokenFile();
    collector.stop();
    Instant before = Instant.now();
    int code = run("--lang", "en", "run", "--no-delay", "--config", config.toString());
    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo("uploaded 0, kept 1, rejected 0" + System.lineSeparator());
    assertThat(err.toString())
        .contains(": collector unreachable: connection refused by ")
        .contains("the upload failed; next attempt after ");
    assertThat(spooled()).isEqualTo(1);
    assertThat(state().path("uploadFailures").asInt()).isEqualTo(1);
    Instant next = Instant.parse(state().path("nextUploadAt").asText());
    assertThat(next)
        .isAfterOrEqualTo(before.plus(Duration.ofSeconds(150)))
        .isBefore(Instant.now().plus(Duration.ofSeconds(451)));

    collector.restart();
    code = run("--lang", "en", "run", "--no-delay", "--config", config.toString());
    assertThat(code).isZero();
    assertThat(err.toString())
        .startsWith(
            "upload postponed until "
                + next.atZone(ZoneId.systemDefault())
                    .toOffsetDateTime()
                    .truncatedTo(ChronoUnit.SECONDS)
                + " after 1 failed attempt(s); 2 snapshot(s)");
    assertThat(out.toString())
        .startsWith("spooled ")
        .endsWith(" (2 snapshot(s) waiting)" + System.lineSeparator());
    assertThat(collector.requests).isEmpty();
    assertThat(spooled()).isEqualTo(2);

    // By hand, --force sends the spool at once and clears the backoff.
    code = run("--lang", "en", "run", "--no-delay", "--force", "--config", config.toString());
    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo("uploaded 3, kept 0, rejected 0" + System.lineSeparator());
    assertThat(collector.requests).hasSize(3);
    assertThat(spooled()).isZero();
    assertThat(state().path("uploadFailures").asInt()).isZero();
    assertThat(
            state().path("nextUploadAt").isMissingNode() || state().path("nextUploadAt").isNull())
        .isTrue();
  }

  @Test
  void withoutACollectorItSpoolsOnly() throws Exception {
    int code = run("--lang", "vi", "run", "--no-delay", "--config", config(null).toString());
    assertThat(code).isZero();
    assertThat(err.toString())
        .isEqualTo(
            "chưa cấu hình máy thu (collector): bản kiểm kê được giữ trong "
                + dir.resolve("var/spool")
                + System.lineSeparator());
    assertThat(out.toString()).startsWith("đã đưa vào hàng đợi ");
    assertThat(spooled()).isEqualTo(1);
  }

  @Test
  void summaryInVietnamese() throws Exception {
    int code =
        run("--lang", "vi", "run", "--no-delay", "--config", configWithTokenFile().toString());
    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualTo("đã gửi 1, giữ lại 0, bị từ chối 0" + System.lineSeparator());
  }

  @Test
  void aBadUploadSettingExitsWith3AndNamesThePlace() throws Exception {
    Path config =
        config(
            "collector:\n  url: " + collector.url() + "\n  tokenFile: /t\n  timeoutSeconds: 0\n");
    int code = run("--lang", "en", "run", "--no-delay", "--config", config.toString());
    assertThat(code).isEqualTo(3);
    assertThat(err.toString().strip())
        .isEqualTo("error: " + config + ":7:3: timeoutSeconds must be from 1 to 600, not 0");
    assertThat(collector.requests).isEmpty();
  }

  @Test
  void aMissingTokenFileExitsWith3AfterSpooling() throws Exception {
    Path config =
        config(
            "collector:\n  url: "
                + collector.url()
                + "\n  tokenFile: "
                + dir.resolve("nope")
                + "\n");
    int code = run("--lang", "en", "run", "--no-delay", "--config", config.toString());
    assertThat(code).isEqualTo(3);
    assertThat(err.toString().strip())
        .isEqualTo(
            "error: cannot read the token file " + dir.resolve("nope") + " (NoSuchFileException)");
    assertThat(spooled()).isEqualTo(1);
  }

  @Test
  void theTokenNeverReachesTheOutput() throws Exception {
    StringBuilder all = new StringBuilder();
    Path inline = config("collector:\n  url: " + collector.url() + "\n  token: " + TOKEN + "\n");
    for (int status : new int[] {0, 500, 401, 403, 429, 400}) {
      collector.forcedStatus = status;
      // A fresh state each time: no backoff from the previous scenario.
      Files.deleteIfExists(dir.resolve("var/state.json"));
      run("--lang", "en", "--verbose", "run", "--no-delay", "--config", inline.toString());
      all.append(out).append(err);
    }
    collector.stop();
    Files.deleteIfExists(dir.resolve("var/state.json"));
    run("--lang", "vi", "--verbose", "run", "--no-delay", "--config", inline.toString());
    all.append(out).append(err);
    Files.writeString(dir.resolve("var/state.json"), "{}");
    Path bad = config("collector:\n  url: " + collector.url() + "\n  token: '" + TOKEN + " x'\n");
    run("--lang", "en", "--verbose", "run", "--no-delay", "--config", bad.toString());
    all.append(out).append(err);
    Path badYaml = config("collector:\n  url: x\n  token: \"" + TOKEN + "\n");
    run("--lang", "en", "--verbose", "run", "--no-delay", "--config", badYaml.toString());
    all.append(out).append(err);
    // Each scenario said something, and none of it holds the secret part of the token.
    assertThat(all.toString())
        .contains("refused by the collector (HTTP 403)", "HTTP 401", "HTTP 429", "HTTP 500")
        .doesNotContain("RunS3cret");
    assertThat(collector.requests)
        .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
  }

  @Test
  void aSecondRunWhileOneHoldsTheSpoolDoesNothing() throws Exception {
    Path config = configWithTokenFile();
    Path lockFile = Files.createDirectories(dir.resolve("var")).resolve("run.lock");
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      int code = run("--lang", "en", "run", "--no-delay", "--config", config.toString());
      assertThat(code).isZero();
      assertThat(out.toString()).isEmpty();
      assertThat(err.toString())
          .isEqualTo(
              "another run is using the spool (lock "
                  + lockFile
                  + "); this one stops without collecting"
                  + System.lineSeparator());
    }
    assertThat(dir.resolve("var/spool")).doesNotExist();
    assertThat(collector.requests).isEmpty();
    assertThat(run("--lang", "en", "run", "--no-delay", "--config", config.toString())).isZero();
    assertThat(collector.stored).hasSize(1);
  }

  @Test
  void linesAreMeasuredOnlyOncePerInterval() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path token = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    ownerOnly(token);
    Path config =
        config(
            "collector:\n  url: "
                + collector.url()
                + "\n  tokenFile: "
                + token
                + "\nlines:\n  - name: internet\n    endpoint: http://127.0.0.1:"
                + closedPort
                + "\n");
    assertThat(run("--lang", "en", "run", "--no-delay", "--config", config.toString())).isZero();
    assertThat(run("--lang", "en", "run", "--no-delay", "--config", config.toString())).isZero();
    List<JsonNode> snapshots = new java.util.ArrayList<>();
    for (byte[] body : collector.stored.values()) {
      snapshots.add(SnapshotCodec.mapper().readTree(body));
    }
    assertThat(snapshots).hasSize(2);
    // The first run measured (the line refused: recorded with its status), the second did not.
    assertThat(snapshots.get(0).path("lines").get(0).path("status").asText()).isEqualTo("REFUSED");
    assertThat(snapshots.get(1).path("lines").size()).isZero();
    assertThat(Instant.parse(state().path("lastLineMeasurementAt").asText()))
        .isBefore(Instant.now())
        .isAfter(Instant.now().minus(Duration.ofMinutes(5)));
  }

  @Test
  void aTokenFileOthersCanReadIsPointedOut() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.getFileStore(token).supportsFileAttributeView("posix"));
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
    Path config =
        config("collector:\n  url: " + collector.url() + "\n  tokenFile: " + token + "\n");
    assertThat(run("--lang", "en", "run", "--no-delay", "--config", config.toString())).isZero();
    assertThat(err.toString())
        .isEqualTo(
            "the token file "
                + token
                + " can be read by other users of this PC: chmod 600 "
                + token
                + System.lineSeparator());
    assertThat(collector.stored).hasSize(1);
  }

  @Test
  void aBusyCollectorsRetryAfterIsTheNextUploadTimeWithoutAFailure() throws Exception {
    collector.forcedStatus = 429;
    collector.retryAfter = "600";
    Instant before = Instant.now();
    int code =
        run("--lang", "en", "run", "--no-delay", "--config", configWithTokenFile().toString());
    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo("uploaded 0, kept 1, rejected 0" + System.lineSeparator());
    assertThat(state().path("uploadFailures").asInt()).isZero();
    assertThat(Instant.parse(state().path("nextUploadAt").asText()))
        .isAfterOrEqualTo(before.plusSeconds(599))
        .isBeforeOrEqualTo(Instant.now().plusSeconds(600));
    assertThat(spooled()).isEqualTo(1);
  }
}
