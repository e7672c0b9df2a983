package vn.hatang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.cli.store.Store;
import vn.hatang.cli.store.Stores;
import vn.hatang.core.Fixtures;

/**
 * 10,000 uploads from 50 concurrent clients while the collector ({@code hatang serve}, SQLite) is
 * killed with SIGKILL at random moments and restarted. Afterwards every snapshot the collector
 * acknowledged (201, or 200 for one it already had) is in the store, and none is there twice.
 * Clients behave as the agent does: a snapshot is retried until it is acknowledged.
 */
class CollectorCrashIT {
  private static final int CLIENTS = 50;
  private static final int UPLOADS = 10_000;
  private static final String UNIT = "21583";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private volatile Process server;

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void everyAcknowledgedSnapshotSurvivesSigkillAndNoneIsStoredTwice() throws Exception {
    Path data = dir.resolve("data");
    Jars.Run created =
        Jars.run(Jars.CLI, Map.of(), "tokens", "create", "--unit", UNIT, "--data", data.toString());
    assertThat(created.exit()).as(created.err()).isZero();
    String token = created.out().strip();
    assertThat(token).startsWith("hat_");

    int port = Jars.freePort();
    URI base = URI.create("http://127.0.0.1:" + port);
    Path log = dir.resolve("serve.log");
    startServer(port, data, log);
    Jars.awaitHealthy(base, server);

    // 10,000 distinct snapshots of the unit, from the compliant fixture.
    ObjectNode template = (ObjectNode) JSON.readTree(Fixtures.bytes("compliant-pc.json"));
    ((ObjectNode) template.get("unit")).put("code", UNIT);
    List<byte[]> bodies = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < UPLOADS; i++) {
      String id = UUID.randomUUID().toString();
      template.put("snapshotId", id);
      ids.add(id);
      bodies.add(JSON.writeValueAsBytes(template));
    }

    Set<String> created201 = ConcurrentHashMap.newKeySet();
    Set<String> duplicate200 = ConcurrentHashMap.newKeySet();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger kills = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    CountDownLatch finished = new CountDownLatch(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.execute(
          () -> {
            try {
              for (int i = client; i < UPLOADS; i += CLIENTS) {
                upload(
                    http,
                    base,
                    token,
                    ids.get(i),
                    bodies.get(i),
                    created201,
                    duplicate200,
                    failures);
              }
            } finally {
              finished.countDown();
            }
          });
    }

    // The killer: SIGKILL at a random moment, restart at once on the same port and data.
    Thread killer =
        new Thread(
            () -> {
              Random random = new Random();
              try {
                while (!done.get()) {
                  Thread.sleep(300 + random.nextInt(2000));
                  if (done.get()) {
                    break;
                  }
                  server.destroyForcibly(); // SIGKILL on Linux
                  server.waitFor();
                  kills.incrementAndGet();
                  startServer(port, data, log);
                  Jars.awaitHealthy(base, server);
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "killer");
    killer.setDaemon(true);
    killer.start();

    assertThat(finished.await(12, TimeUnit.MINUTES)).as("all uploads acknowledged").isTrue();
    done.set(true);
    killer.join(120_000);
    clients.shutdown();
    server.destroy();
    server.waitFor(30, TimeUnit.SECONDS);

    System.out.printf(
        "crash test: %d uploads, %d clients, %d SIGKILLs, %d x 201, %d x 200, %d failed tries%n",
        UPLOADS, CLIENTS, kills.get(), created201.size(), duplicate200.size(), failures.get());
    assertThat(kills.get()).as("SIGKILLs during the run").isGreaterThanOrEqualTo(3);
    // Every snapshot was acknowledged once as created or (its ack lost in a kill) as duplicate.
    assertThat(created201.size() + duplicate200.size()).isGreaterThanOrEqualTo(UPLOADS);

    List<String> stored = new ArrayList<>();
    try (Store store = Stores.open(null, data)) {
      long after = 0;
      while (true) {
        Store.Page page = store.list(null, null, after, 1000);
        page.items().forEach(e -> stored.add(e.snapshotId()));
        if (page.next() == null) {
          break;
        }
        after = page.next();
      }
      assertThat(store.stats().snapshots()).isEqualTo(UPLOADS);
    }
    Set<String> distinct = new HashSet<>(stored);
    assertThat(stored).as("no snapshot stored twice").hasSize(distinct.size());
    assertThat(distinct).as("every 201 is in the store").containsAll(created201);
    assertThat(distinct).as("every 200 is in the store").containsAll(duplicate200);
    assertThat(distinct).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(Files.readString(log)).doesNotContain(token);
  }

  private void startServer(int port, Path data, Path log) throws IOException {
    server =
        Jars.start(
            Jars.CLI,
            Map.of(),
            log,
            "serve",
            "--port",
            String.valueOf(port),
            "--data",
            data.toString(),
            "--uploads-per-minute",
            "100000000");
  }

  /** Posts until acknowledged, as the agent would keep it spooled and try again. */
  private static void upload(
      HttpClient http,
      URI base,
      String token,
      String id,
      byte[] body,
      Set<String> created201,
      Set<String> duplicate200,
      AtomicInteger failures) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/snapshots"))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    while (true) {
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 201) {
          created201.add(id);
          return;
        }
        if (r.statusCode() == 200) {
          duplicate200.add(id);
          return;
        }
        if (r.statusCode() < 500 && r.statusCode() != 429) {
          throw new AssertionError("upload " + id + ": HTTP " + r.statusCode() + " " + r.body());
        }
      } catch (IOException e) {
        // The collector is down (killed): try again shortly, as the agent would.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      failures.incrementAndGet();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
