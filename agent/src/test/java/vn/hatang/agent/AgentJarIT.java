package vn.hatang.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;

/** Runs the shaded jar as a user would and reads its stdout as a snapshot. */
class AgentJarIT {
  @Test
  void collectPrintsOnlyASnapshotOnStdout(@TempDir Path dir) throws Exception {
    Path jar = Path.of("target/hatang-agent.jar");
    assertThat(jar).exists();
    Path config = dir.resolve("agent.yaml");
    Files.writeString(config, "unit:\n  code: '21583'\nspoolDir: " + dir.resolve("spool") + "\n");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path stdout = dir.resolve("stdout.json");
    Path stderr = dir.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-jar",
                    jar.toString(),
                    "collect",
                    "--config",
                    config.toString()))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
    Snapshot snapshot = SnapshotCodec.read(Files.readAllBytes(stdout), stdout.toString());
    assertThat(snapshot.agent().name()).isEqualTo("hatang-agent");
    assertThat(snapshot.agent().version()).isEqualTo("0.1.0");
    assertThat(snapshot.unit().code()).isEqualTo("21583");
    assertThat(snapshot.cpu().logicalCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(Files.readString(stderr, StandardCharsets.UTF_8)).isEmpty();
  }
}
