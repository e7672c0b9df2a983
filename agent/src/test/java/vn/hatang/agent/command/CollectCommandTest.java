package vn.hatang.agent.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.agent.AgentMain;
import vn.hatang.agent.Fixtures;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;

class CollectCommandTest {
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
        "unit:\n  code: '21583'\n  name: UBND xã Tân Lập\n  level: commune\n"
            + "tags: [ke-toan]\nspoolDir: "
            + dir.resolve("spool")
            + "\n",
        StandardCharsets.UTF_8);
    return config;
  }

  @Test
  void writesASnapshotFileAtomically(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("out/snapshot.json");
    int code =
        run(
            "--lang",
            "en",
            "collect",
            "-o",
            output.toString(),
            "--config",
            config(dir).toString(),
            "--role",
            "desktop",
            "--tag",
            "phong-1");
    assertThat(code).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith("wrote " + output + " in ").contains(" probes, ");
    Snapshot snapshot = SnapshotCodec.read(Files.readAllBytes(output), output.toString());
    assertThat(snapshot.unit().name()).isEqualTo("UBND xã Tân Lập");
    assertThat(snapshot.machine().role()).isEqualTo("desktop");
    assertThat(snapshot.machine().tags()).containsExactly("phong-1");
    assertThat(snapshot.machine().machineId()).matches("[0-9a-f]{32}");
    assertThat(snapshot.agent().version()).isEqualTo("0.1.0");
    try (Stream<Path> files = Files.list(output.getParent())) {
      assertThat(files).containsExactly(output);
    }
  }

  @Test
  void writesJsonAloneToStdout(@TempDir Path dir) throws Exception {
    int code = run("collect", "--lang", "en", "--config", config(dir).toString());
    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    Snapshot snapshot =
        SnapshotCodec.read(out.toString().getBytes(StandardCharsets.UTF_8), "<stdout>");
    assertThat(snapshot.unit().code()).isEqualTo("21583");
    // The round trip is exact and the snapshot passes the schema.
    assertThat(SnapshotCodec.read(SnapshotCodec.write(snapshot), "again")).isEqualTo(snapshot);
    assertThat(SnapshotCodec.validate(SnapshotCodec.mapper().readTree(out.toString()))).isEmpty();
  }

  @Test
  void randomIdIsKeptInTheSpoolFolder(@TempDir Path dir) throws Exception {
    Path config = config(dir);
    run("collect", "--config", config.toString());
    Snapshot first = SnapshotCodec.read(out.toString().getBytes(StandardCharsets.UTF_8), "1");
    out.getBuffer().setLength(0);
    run("collect", "--config", config.toString());
    Snapshot second = SnapshotCodec.read(out.toString().getBytes(StandardCharsets.UTF_8), "2");
    assertThat(second.machine().machineId()).isEqualTo(first.machine().machineId());
    assertThat(second.snapshotId()).isNotEqualTo(first.snapshotId());
    if ("random".equals(first.machine().machineIdSource())) {
      assertThat(Files.readString(dir.resolve("spool/machine-id")).strip())
          .isEqualTo(first.machine().machineId());
    }
  }

  @Test
  void badConfigExitsWith3AndNamesLineAndColumn() {
    Path bad = Fixtures.path("config/unknown-key.yaml");
    int code = run("--lang", "en", "collect", "--config", bad.toString());
    assertThat(code).isEqualTo(3);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().strip())
        .isEqualTo(
            "error: "
                + bad
                + ":3:1: unknown key 'unitCode' (known keys: collector, lines, outputDir, role, schedule, spool, spoolDir, tags, unit)");
  }

  @Test
  void badConfigInVietnamese() {
    Path bad = Fixtures.path("config/bad-role.yaml");
    int code = run("--lang", "vi", "collect", "--config", bad.toString());
    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).startsWith("lỗi: " + bad + ":3:").contains("phải là một trong");
  }

  @Test
  void configFromTheEnvironmentVariable() {
    Path bad = Fixtures.path("config/malformed.yaml");
    int code =
        AgentMain.execute(
            new String[] {"--lang", "en", "collect"},
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Map.of("HATANG_AGENT_CONFIG", bad.toString()));
    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).startsWith("error: " + bad + ":3:8: not valid YAML: ");
  }

  @Test
  void missingExplicitConfigExitsWith3(@TempDir Path dir) {
    int code = run("--lang", "en", "collect", "--config", dir.resolve("none.yaml").toString());
    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).contains("configuration file not found");
  }

  @Test
  void badRoleFlagIsAUsageError() {
    int code = run("--lang", "en", "collect", "--role", "workstation");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("invalid role 'workstation'");
  }

  @Test
  void withoutOutputWritesANamedFileIntoTheConfiguredOutputDir(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        "unit: {code: '21583', name: Phường Quy Nhơn}\noutputDir: "
            + out
            + "\nspoolDir: "
            + dir.resolve("spool")
            + "\n",
        StandardCharsets.UTF_8);
    assertThat(run("collect", "--config", config.toString())).isZero();
    assertThat(this.out.toString()).isEmpty();
    List<Path> files;
    try (Stream<Path> list = Files.list(out)) {
      files = list.toList();
    }
    assertThat(files)
        .singleElement()
        .satisfies(
            f -> assertThat(f.getFileName().toString()).matches("21583_.+_\\d{8}-\\d{6}\\.json"));
    Snapshot snapshot =
        SnapshotCodec.read(Files.readAllBytes(files.get(0)), files.get(0).toString());
    assertThat(snapshot.unit().code()).isEqualTo("21583");
    // "-o -" still sends it to standard output.
    assertThat(run("collect", "--config", config.toString(), "-o", "-")).isZero();
    assertThat(
            SnapshotCodec.read(this.out.toString().getBytes(StandardCharsets.UTF_8), "stdout")
                .unit()
                .name())
        .isEqualTo("Phường Quy Nhơn");
  }
}
