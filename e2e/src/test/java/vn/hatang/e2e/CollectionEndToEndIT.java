package vn.hatang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.cli.store.Store;
import vn.hatang.cli.store.Stores;

/**
 * A real {@code hatang serve} and three real agents, each with its own configuration and spool, on
 * loopback: the agents upload; the collector is stopped and the agents spool; it comes back and
 * everything is delivered, exactly once.
 */
class CollectionEndToEndIT {
  private static final String UNIT = "21583";
  private static final int AGENTS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Process server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void agentsSpoolThroughAnOutageAndEverythingArrivesExactlyOnce() throws Exception {
    Path data = dir.resolve("collector");
    Jars.Run created =
        Jars.run(Jars.CLI, Map.of(), "tokens", "create", "--unit", UNIT, "--data", data.toString());
    assertThat(created.exit()).as(created.err()).isZero();
    String token = created.out().strip();
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, token + "\n");

    int port = Jars.freePort();
    URI base = URI.create("http://127.0.0.1:" + port);
    Path log = dir.resolve("serve.log");
    server = startServer(port, data, log);
    Jars.awaitHealthy(base, server);

    List<Path> configs = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      Path spool = dir.resolve("agent-" + i);
      Path config = dir.resolve("agent-" + i + ".yaml");
      Files.writeString(
          config,
          "unit:\n  code: '"
              + UNIT
              + "'\n  name: Phường Quy Nhơn\n  level: commune\n"
              + "spoolDir: "
              + spool
              + "\ncollector:\n  url: "
              + base
              + "\n  tokenFile: "
              + tokenFile
              + "\nschedule:\n  randomDelaySeconds: 0\n",
          StandardCharsets.UTF_8);
      configs.add(config);
    }

    // 1. Collector up: each run uploads its snapshot and keeps nothing.
    for (Path config : configs) {
      runAgent(config);
    }
    for (int i = 0; i < AGENTS; i++) {
      assertThat(spooled(i)).isEmpty();
    }

    // 2. Collector down: two runs each, all kept in the spools.
    server.destroy();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Set<String> spooledIds = new HashSet<>();
    for (int round = 0; round < 2; round++) {
      for (Path config : configs) {
        runAgent(config);
      }
    }
    for (int i = 0; i < AGENTS; i++) {
      List<Path> files = spooled(i);
      assertThat(files).hasSize(2);
      for (Path f : files) {
        spooledIds.add(JSON.readTree(f.toFile()).get("snapshotId").asText());
      }
    }
    assertThat(spooledIds).hasSize(2 * AGENTS);

    // 3. Collector back. Agent 0: its backoff has passed (state.json rewound, as if the timer ran
    // an hour later), so its scheduled run delivers the spool and its own snapshot. The others
    // are run by hand with --force, which does not wait for the backoff.
    server = startServer(port, data, log);
    Jars.awaitHealthy(base, server);
    Path state = dir.resolve("agent-0").resolve("state.json");
    ObjectNode rewound = (ObjectNode) JSON.readTree(state.toFile());
    assertThat(rewound.path("uploadFailures").asInt()).isPositive();
    rewound.put("nextUploadAt", Instant.now().minusSeconds(1).toString());
    Files.writeString(state, JSON.writeValueAsString(rewound));
    runAgent(configs.get(0));
    for (Path config : configs.subList(1, AGENTS)) {
      runAgent(config, "--force");
    }
    for (int i = 0; i < AGENTS; i++) {
      assertThat(spooled(i)).as("agent %d's spool", i).isEmpty();
      assertThat(dir.resolve("agent-" + i).resolve("rejected"))
          .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }
    server.destroy();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    server = null;

    List<String> stored = new ArrayList<>();
    try (Store store = Stores.open(null, data)) {
      store.list(null, null, 0, 1000).items().forEach(e -> stored.add(e.snapshotId()));
      assertThat(store.stats().snapshots()).isEqualTo(4L * AGENTS);
    }
    assertThat(stored).hasSize(4 * AGENTS).doesNotHaveDuplicates();
    assertThat(stored).containsAll(spooledIds);
    assertThat(Files.readString(log)).doesNotContain(token);
  }

  private void runAgent(Path config, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("run", "--no-delay", "--config", config.toString()));
    args.addAll(List.of(more));
    Jars.Run run = Jars.run(Jars.AGENT, Map.of(), args.toArray(String[]::new));
    assertThat(run.exit()).as("hatang-agent run: %s", run.err()).isZero();
    assertThat(run.out() + run.err())
        .doesNotContain(Files.readString(dir.resolve("token")).strip());
  }

  private List<Path> spooled(int agent) throws IOException {
    Path spool = dir.resolve("agent-" + agent).resolve("spool");
    if (!Files.isDirectory(spool)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(spool)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  private static Process startServer(int port, Path data, Path log) throws IOException {
    return Jars.start(
        Jars.CLI,
        Map.of(),
        log,
        "serve",
        "--port",
        String.valueOf(port),
        "--data",
        data.toString());
  }
}
