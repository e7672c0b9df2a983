package vn.hatang.agent.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.agent.AgentMain;
import vn.hatang.agent.Samples;
import vn.hatang.agent.upload.TestCollector;

/** {@code upload DIR}: a USB key's snapshots, oldest first by takenAt. */
class UploadCommandTest {
  @TempDir Path dir;
  private TestCollector collector;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path usb;

  @BeforeEach
  void start() throws Exception {
    collector = new TestCollector();
    usb = Files.createDirectories(dir.resolve("usb"));
    // Names sort the other way round from takenAt: the order must come from takenAt.
    Files.write(usb.resolve("a.json"), Samples.json(Samples.id(3), "2026-11-23T08:00:00+07:00"));
    Files.write(usb.resolve("b.json"), Samples.json(Samples.id(2), "2026-11-22T08:00:00+07:00"));
    // Another offset: 2026-11-21T23:30+07:00, the oldest of the three.
    Files.write(usb.resolve("c.json"), Samples.json(Samples.id(1), "2026-11-21T16:30:00Z"));
  }

  @AfterEach
  void stop() {
    collector.close();
  }

  private int run(String... args) {
    return AgentMain.execute(
        args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
  }

  private Path config() throws Exception {
    return Files.writeString(
        dir.resolve("agent.yaml"),
        "collector:\n  url: " + collector.url() + "\n  token: hat_usb\n");
  }

  @Test
  void sendsOldestFirstAndEmptiesTheFolder() throws Exception {
    int code = run("--lang", "en", "upload", usb.toString(), "--config", config().toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(collector.receivedIds())
        .containsExactly(
            Samples.id(1).toString(), Samples.id(2).toString(), Samples.id(3).toString());
    assertThat(out.toString()).isEqualTo("uploaded 3, kept 0, rejected 0" + System.lineSeparator());
    try (var left = Files.list(usb)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aCorruptFileIsRejectedAndTheExitCodeIs1() throws Exception {
    Files.writeString(usb.resolve("d.json"), "{\"schemaVersion\": 1,");
    Files.writeString(usb.resolve("notes.txt"), "not a snapshot, not touched");
    int code = run("--lang", "en", "upload", usb.toString(), "--config", config().toString());
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).isEqualTo("uploaded 3, kept 0, rejected 1" + System.lineSeparator());
    assertThat(usb.resolve("rejected/d.json")).exists();
    assertThat(Files.readString(usb.resolve("rejected/d.reason.json")))
        .contains("\"where\" : \"1:");
    assertThat(usb.resolve("notes.txt")).exists();
    assertThat(collector.requests).hasSize(3);
  }

  @Test
  void anUnreachableCollectorLeavesEverythingAndExits1() throws Exception {
    Path config = config();
    collector.stop();
    int code = run("--lang", "en", "upload", usb.toString(), "--config", config.toString());
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).isEqualTo("uploaded 0, kept 3, rejected 0" + System.lineSeparator());
    assertThat(err.toString()).startsWith("c.json: collector unreachable: ");
    try (var left = Files.list(usb)) {
      assertThat(left).hasSize(3);
    }
  }

  @Test
  void withoutACollectorItIsAConfigurationError() throws Exception {
    Path config = Files.writeString(dir.resolve("agent.yaml"), "unit: {code: '1'}\n");
    int code = run("--lang", "en", "upload", usb.toString(), "--config", config.toString());
    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).startsWith("error: no collector configured");
  }

  @Test
  void aFileInsteadOfAFolderIsAUsageError() throws Exception {
    int code =
        run(
            "--lang",
            "en",
            "upload",
            usb.resolve("a.json").toString(),
            "--config",
            config().toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("is not a folder");
  }

  @Test
  void helpExplainsTheExitCodes() {
    int code = run("--lang", "en", "upload", "--help");
    assertThat(code).isZero();
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains(
            "Exit 0 when every snapshot was acknowledged, 1 when some were kept or rejected.");
  }
}
