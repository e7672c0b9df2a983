package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.cli.serve.HatangServer;
import vn.hatang.cli.serve.ServeOptions;
import vn.hatang.cli.store.Store;
import vn.hatang.cli.store.Stores;
import vn.hatang.cli.store.Tokens;
import vn.hatang.core.Fixtures;

/**
 * {@code hatang check --from} and {@code hatang export --from}, against a real SQLite store read
 * directly and through a real collector on loopback.
 */
class FromCollectorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path data;
  private Store store;
  private HatangServer server;
  private String readToken;
  private final List<String> ids = new ArrayList<>();

  @BeforeEach
  void fill() throws Exception {
    data = dir.resolve("data");
    store = Stores.open(null, data);
    // Machine A twice (the 20th, then the 24th), machine B once.
    put("machine-a", "2026-11-20T08:00:00+07:00");
    put("machine-a", "2026-11-24T08:00:00+07:00");
    put("machine-b", "2026-11-22T08:00:00+07:00");
    Tokens.Issued issued = Tokens.generate();
    store.addToken(
        new Store.Token(
            issued.id(), issued.sha256(), "read", null, null, Instant.now(), null, null));
    readToken = issued.text();
    server = new HatangServer(ServeOptions.loopback(0), new HatangServer.Collector(store, 1000, 2));
    server.start();
  }

  private void put(String machine, String takenAt) throws Exception {
    ObjectNode s = (ObjectNode) JSON.readTree(Fixtures.bytes("compliant-pc.json"));
    String id = UUID.randomUUID().toString();
    s.put("snapshotId", id);
    s.put("takenAt", takenAt);
    ((ObjectNode) s.get("machine")).put("machineId", machine);
    ((ObjectNode) s.get("machine")).put("hostname", machine.toUpperCase());
    store.put(
        new Store.NewSnapshot(
            id,
            "21583",
            machine,
            OffsetDateTime.parse(takenAt).toInstant(),
            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s)),
        Instant.now());
    ids.add(id);
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  private static List<String> hostnames(Cli run) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode m : JSON.readTree(run.out()).get("machines")) {
      out.add(m.get("hostname").asText());
    }
    return out;
  }

  @Test
  void checkFromTheStoreJudgesTheLatestSnapshotOfEachMachine() throws Exception {
    Cli run = Cli.run("check", "--from", data.toString(), "-f", "json", "--date", "2026-11-25");
    assertThat(run.exit()).as(run.err()).isIn(0, 1);
    assertThat(hostnames(run)).containsExactlyInAnyOrder("MACHINE-A", "MACHINE-B");
    JsonNode machines = JSON.readTree(run.out()).get("machines");
    for (JsonNode m : machines) {
      if (m.get("hostname").asText().equals("MACHINE-A")) {
        // The 24th's snapshot, not the 20th's.
        assertThat(m.get("source").asText()).endsWith("#" + ids.get(1));
      }
    }
    Cli all =
        Cli.run(
            "check",
            "--from",
            data.toString(),
            "--all-snapshots",
            "-f",
            "json",
            "--date",
            "2026-11-25");
    assertThat(hostnames(all)).hasSize(3);
    Cli unitOnly =
        Cli.run(
            "check",
            "--from",
            data.toString(),
            "--unit",
            "99999",
            "-f",
            "json",
            "--date",
            "2026-11-25");
    assertThat(unitOnly.exit()).isEqualTo(3);
  }

  @Test
  void checkFromACollectorUsesTheReadTokenFromTheEnvironment() throws Exception {
    String url = server.uri().toString();
    Cli run =
        Cli.runWithInput(
            "",
            Map.of("HATANG_TOKEN", readToken),
            "check",
            "--from",
            url,
            "--since",
            "2026-11-21",
            "-f",
            "json",
            "--date",
            "2026-11-25");
    assertThat(run.exit()).as(run.err()).isIn(0, 1);
    // Since the 21st: A's snapshot of the 24th and B's of the 22nd.
    assertThat(hostnames(run)).containsExactlyInAnyOrder("MACHINE-A", "MACHINE-B");
    assertThat(run.err()).doesNotContain(readToken);

    Cli noToken = Cli.runWithInput("", Map.of(), "check", "--from", url, "--lang", "en");
    assertThat(noToken.exit()).isEqualTo(2);
    assertThat(noToken.err())
        .contains("a collector URL needs a read token: set HATANG_TOKEN or give --token-file");

    Cli badToken =
        Cli.runWithInput(
            "",
            Map.of("HATANG_TOKEN", Tokens.generate().text()),
            "check",
            "--from",
            url,
            "--lang",
            "en");
    assertThat(badToken.exit()).isEqualTo(3);
    assertThat(badToken.err())
        .contains(url + " answered HTTP 401: unknown, expired or revoked token");
  }

  @Test
  void exportWritesOneFilePerSnapshotAndKeepsWhatIsThere() throws Exception {
    Path out = dir.resolve("out");
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, readToken + "\n");
    Cli first =
        Cli.run(
            "export",
            "--from",
            server.uri().toString(),
            "--token-file",
            tokenFile.toString(),
            "--to",
            out.toString(),
            "--lang",
            "en");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.err()).contains("exported 3 snapshot(s), 0 already there");
    List<String> files;
    try (Stream<Path> s = Files.list(out.resolve("21583"))) {
      files = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(files)
        .containsExactlyElementsOf(ids.stream().map(id -> id + ".json").sorted().toList());
    JsonNode one =
        JSON.readTree(
            Files.readString(
                out.resolve("21583").resolve(ids.get(0) + ".json"), StandardCharsets.UTF_8));
    assertThat(one.get("snapshotId").asText()).isEqualTo(ids.get(0));
    assertThat(one.get("unit").get("name").asText()).isEqualTo("Phường Quy Nhơn");

    Cli again =
        Cli.run("export", "--from", data.toString(), "--to", out.toString(), "--lang", "en");
    assertThat(again.exit()).isZero();
    assertThat(again.err()).contains("exported 0 snapshot(s), 3 already there");

    Cli noFrom = Cli.run("export", "--to", out.toString(), "--lang", "en");
    assertThat(noFrom.exit()).isEqualTo(2);
  }

  @Test
  void checkWithNothingToCheckIsAUsageError() {
    Cli run = Cli.run("check", "--lang", "en");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "nothing to check: give snapshot files or folders, - for standard input, or --from");
  }
}
