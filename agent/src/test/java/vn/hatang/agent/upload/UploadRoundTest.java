package vn.hatang.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.agent.AgentException;
import vn.hatang.agent.AgentMain;
import vn.hatang.agent.Samples;
import vn.hatang.agent.config.AgentConfig;
import vn.hatang.agent.spool.Notices;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.snapshot.SnapshotCodec;

class UploadRoundTest {
  static final String TOKEN = "hat_abcdefgh_S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t-_x";
  private static final Messages EN = Messages.of(Locale.ENGLISH, AgentMain.BUNDLE);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T22:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private TestCollector collector;
  private final List<String> notices = new ArrayList<>();
  private final Notices record = (key, args) -> notices.add(EN.get(key, args));

  @BeforeEach
  void start() throws IOException {
    collector = new TestCollector();
  }

  @AfterEach
  void stop() {
    collector.close();
  }

  private Uploader uploader() throws AgentException {
    return Uploader.create(
        new AgentConfig.Collector(collector.url(), TOKEN, null, null, null, 5), CLOCK);
  }

  /** Three snapshots in {@code dir/spool}, named so that name order is age order. */
  private List<Path> spoolThree() throws IOException {
    Path queue = Files.createDirectories(dir.resolve("spool"));
    List<Path> files = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Path file = queue.resolve("2026112" + i + "-" + i + ".json");
      Files.write(file, Samples.json(Samples.id(i), "2026-11-2" + i + "T08:00:00+07:00"));
      files.add(file);
    }
    return files;
  }

  private UploadRound.Summary round(List<Path> files) throws AgentException {
    try (Uploader uploader = uploader()) {
      return new UploadRound(uploader, record, EN, CLOCK).run(files, dir.resolve("rejected"));
    }
  }

  @Test
  void sendsOldestFirstByProtocolAndDeletesWhatWasAcknowledged() throws Exception {
    List<Path> files = spoolThree();
    byte[] first = Files.readAllBytes(files.get(0));
    UploadRound.Summary summary = round(files);
    assertThat(summary).isEqualTo(new UploadRound.Summary(3, 0, 0, null, 0));
    assertThat(collector.receivedIds())
        .containsExactly(
            Samples.id(1).toString(), Samples.id(2).toString(), Samples.id(3).toString());
    for (TestCollector.Received r : collector.requests) {
      assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN);
      assertThat(r.contentEncoding()).isEqualTo("gzip");
      assertThat(r.contentType()).isEqualTo("application/json");
      assertThat(r.idempotencyKey()).isEqualTo(r.snapshotId());
    }
    // The collector got the file's bytes exactly, after un-gzipping.
    assertThat(collector.stored.get(Samples.id(1).toString())).isEqualTo(first);
    assertThat(files).allSatisfy(f -> assertThat(f).doesNotExist());
    assertThat(notices).isEmpty();
  }

  @Test
  void aDuplicateIsAcknowledgedToo() throws Exception {
    List<Path> files = spoolThree();
    byte[] copy = Files.readAllBytes(files.get(1));
    round(files);
    Files.write(files.get(1), copy);
    assertThat(round(List.of(files.get(1))).uploaded()).isEqualTo(1);
    assertThat(files.get(1)).doesNotExist();
    assertThat(collector.stored).hasSize(3);
  }

  @Test
  void refusedForGoodGoesToRejectedWithTheAnswer() throws Exception {
    List<Path> files = spoolThree();
    collector.forcedStatus = 403;
    collector.forcedOnRequest = 2;
    UploadRound.Summary summary = round(files);
    assertThat(summary).isEqualTo(new UploadRound.Summary(2, 0, 1, null, 0));
    Path rejected = dir.resolve("rejected/20261122-2.json");
    assertThat(rejected).exists();
    JsonNode reason =
        SnapshotCodec.mapper().readTree(dir.resolve("rejected/20261122-2.reason.json").toFile());
    assertThat(reason.path("statusCode").asInt()).isEqualTo(403);
    assertThat(reason.path("answer").path("status").asText()).isEqualTo("forbidden");
    assertThat(reason.path("rejectedAt").asText()).isEqualTo("2026-11-25T22:00:00Z");
    assertThat(notices)
        .containsExactly(
            "20261122-2.json: refused by the collector (HTTP 403), moved to rejected/: forbidden");
  }

  @Test
  void invalidByTheCollectorKeepsItsPathInTheReason() throws Exception {
    List<Path> files = spoolThree();
    collector.forcedStatus = 400;
    round(files.subList(0, 1));
    JsonNode reason =
        SnapshotCodec.mapper().readTree(dir.resolve("rejected/20261121-1.reason.json").toFile());
    assertThat(reason.path("statusCode").asInt()).isEqualTo(400);
    assertThat(reason.path("answer").path("path").asText()).isEqualTo("$.memory.totalBytes");
    assertThat(notices.get(0)).endsWith("$.memory.totalBytes: must be >= 0");
  }

  @Test
  void aServerErrorKeepsEverythingAndStopsTheRound() throws Exception {
    List<Path> files = spoolThree();
    collector.forcedStatus = 503;
    UploadRound.Summary summary = round(files);
    assertThat(summary).isEqualTo(new UploadRound.Summary(0, 3, 0, Outcome.UNAVAILABLE, 0));
    assertThat(summary.failed()).isTrue();
    assertThat(collector.requests).hasSize(1);
    assertThat(files).allSatisfy(f -> assertThat(f).exists());
    assertThat(notices)
        .containsExactly(
            "20261121-1.json: the collector "
                + collector.url()
                + "/api/v1/snapshots answered HTTP 503; snapshots kept, retried later");
  }

  @Test
  void anOutageHalfWayKeepsTheRestUntried() throws Exception {
    List<Path> files = spoolThree();
    collector.forcedStatus = 500;
    collector.forcedOnRequest = 2;
    UploadRound.Summary summary = round(files);
    assertThat(summary).isEqualTo(new UploadRound.Summary(1, 2, 0, Outcome.UNAVAILABLE, 0));
    assertThat(collector.requests).hasSize(2);
    assertThat(files.get(0)).doesNotExist();
    assertThat(files.get(1)).exists();
    assertThat(files.get(2)).exists();
  }

  @Test
  void connectionRefusedKeepsEverythingAndTheRestartedCollectorGetsThem() throws Exception {
    List<Path> files = spoolThree();
    collector.stop();
    UploadRound.Summary down = round(files);
    assertThat(down.stoppedOn()).isEqualTo(Outcome.UNAVAILABLE);
    assertThat(down.kept()).isEqualTo(3);
    assertThat(files).allSatisfy(f -> assertThat(f).exists());
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0))
        .startsWith("20261121-1.json: collector unreachable: connection refused by ");
    collector.restart();
    assertThat(round(files).uploaded()).isEqualTo(3);
    assertThat(collector.stored).hasSize(3);
  }

  @Test
  void tooManyRequestsStopsTheRoundAndPassesRetryAfterOn() throws Exception {
    List<Path> files = spoolThree();
    collector.forcedStatus = 429;
    collector.retryAfter = "600";
    UploadRound.Summary summary = round(files);
    assertThat(summary).isEqualTo(new UploadRound.Summary(0, 3, 0, Outcome.RATE_LIMITED, 600));
    assertThat(summary.failed()).isFalse();
    assertThat(collector.requests).hasSize(1);
    assertThat(notices.get(0)).contains("busy (HTTP 429)").endsWith("retried after 600 s");
  }

  @Test
  void aRefusedTokenStopsTheRoundAndKeepsTheSnapshots() throws Exception {
    List<Path> files = spoolThree();
    collector.forcedStatus = 401;
    UploadRound.Summary summary = round(files);
    assertThat(summary).isEqualTo(new UploadRound.Summary(0, 3, 0, Outcome.UNAUTHORIZED, 0));
    assertThat(summary.failed()).isTrue();
    assertThat(collector.requests).hasSize(1);
  }

  @Test
  void aCorruptFileIsRejectedLocallyAndNeverSent() throws Exception {
    List<Path> files = spoolThree();
    Files.writeString(files.get(1), "{\n  \"schemaVersion\": 1,\n  \"snapshotId\": oops\n}\n");
    UploadRound.Summary summary = round(files);
    assertThat(summary).isEqualTo(new UploadRound.Summary(2, 0, 1, null, 0));
    assertThat(collector.requests).hasSize(2);
    JsonNode reason =
        SnapshotCodec.mapper().readTree(dir.resolve("rejected/20261122-2.reason.json").toFile());
    assertThat(reason.path("where").asText()).isEqualTo("3:17");
    assertThat(reason.path("reason").asText()).startsWith("not valid JSON: ");
    assertThat(reason.has("statusCode")).isFalse();
    assertThat(notices.get(0))
        .startsWith(
            "20261122-2.json:3:17: not a valid snapshot, moved to rejected/: not valid JSON");
  }

  @Test
  void aSchemaViolationNamesTheJsonPath() throws Exception {
    List<Path> files = spoolThree();
    String text = Files.readString(files.get(0));
    Files.writeString(
        files.get(0), text.replaceFirst("\"totalBytes\" : \\d+", "\"totalBytes\" : -5"));
    round(files.subList(0, 1));
    JsonNode reason =
        SnapshotCodec.mapper().readTree(dir.resolve("rejected/20261121-1.reason.json").toFile());
    assertThat(reason.path("where").asText()).isEqualTo("$.memory.totalBytes");
    assertThat(collector.requests).isEmpty();
  }

  @Test
  void retryAfterReadsSecondsOrADateWithinBounds() throws AgentException {
    try (Uploader uploader = uploader()) {
      assertThat(uploader.retryAfterSeconds("30")).isEqualTo(30);
      assertThat(uploader.retryAfterSeconds(null)).isEqualTo(60);
      assertThat(uploader.retryAfterSeconds("soon")).isEqualTo(60);
      assertThat(uploader.retryAfterSeconds("0")).isEqualTo(1);
      assertThat(uploader.retryAfterSeconds("99999999")).isEqualTo(86400);
      assertThat(uploader.retryAfterSeconds("Wed, 25 Nov 2026 22:05:00 GMT")).isEqualTo(300);
    }
  }

  @Test
  void outcomesFollowTheProtocolTable() {
    assertThat(Outcome.of(201)).isEqualTo(Outcome.ACKNOWLEDGED);
    assertThat(Outcome.of(200)).isEqualTo(Outcome.ACKNOWLEDGED);
    for (int code : new int[] {400, 403, 413, 415}) {
      assertThat(Outcome.of(code)).isEqualTo(Outcome.REJECTED);
    }
    assertThat(Outcome.of(401)).isEqualTo(Outcome.UNAUTHORIZED);
    assertThat(Outcome.of(408)).isEqualTo(Outcome.KEPT);
    assertThat(Outcome.of(429)).isEqualTo(Outcome.RATE_LIMITED);
    for (int code : new int[] {500, 502, 503, 504, 302, 404}) {
      assertThat(Outcome.of(code)).isEqualTo(Outcome.UNAVAILABLE);
    }
  }

  @Test
  void aConfiguredProxyCarriesTheRequest() throws Exception {
    // The collector doubles as the proxy: a request for a host that does not resolve reaches it
    // only through the proxy (absolute URI in the request line).
    AgentConfig.Collector viaProxy =
        new AgentConfig.Collector(
            "http://collector.invalid:8080", TOKEN, null, null, collector.url(), 5);
    try (Uploader uploader = Uploader.create(viaProxy, CLOCK)) {
      UploadResult result =
          uploader.send(
              Samples.json(Samples.id(9), "2026-11-25T08:00:00+07:00"), Samples.id(9).toString());
      assertThat(result.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
    }
    assertThat(collector.stored).containsKey(Samples.id(9).toString());
  }

  @Test
  void aFileThatCannotBeMovedToRejectedIsKeptAndCountedSo() throws Exception {
    List<Path> files = spoolThree();
    Files.writeString(files.get(0), "not json");
    Files.writeString(dir.resolve("rejected"), "a file where the folder should be");
    UploadRound.Summary summary = round(files);
    assertThat(summary).isEqualTo(new UploadRound.Summary(2, 1, 0, null, 0));
    assertThat(files.get(0)).exists();
    assertThat(notices)
        .anyMatch(n -> n.startsWith("cannot move " + files.get(0) + " to rejected/"));
  }
}
