package vn.hatang.cli.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javax.net.ssl.SSLException;

/**
 * Snapshots read from a collector's {@code GET /api/v1/snapshots} with a read token, page by page
 * (contract: {@code docs/collector.md}). Each answer is size-limited before it is parsed.
 */
public final class CollectorSource implements SnapshotSource {
  /** Snapshots per page asked for. */
  static final int PAGE = 50;

  /** The most bytes one page may have: {@link #PAGE} snapshots of the 4 MiB limit, and more. */
  static final long MAX_PAGE_BYTES = (PAGE + 2) * 4L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;
  private final HttpClient client;

  /**
   * @param base the collector's base URL ({@code https://host:port})
   * @param token a read token (never shown in messages)
   */
  public CollectorSource(URI base, String token) {
    String text = base.toString().replaceAll("/+$", "");
    this.base = URI.create(text);
    this.token = token;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public void each(Filter filter, Sink sink) throws SourceException, IOException {
    String after = null;
    do {
      StringBuilder query = new StringBuilder("?limit=").append(PAGE);
      if (filter.unitCode() != null) {
        query.append("&unit=").append(URLEncoder.encode(filter.unitCode(), StandardCharsets.UTF_8));
      }
      if (filter.sinceTakenAt() != null) {
        query.append("&since=").append(filter.sinceTakenAt());
      }
      if (after != null) {
        query.append("&after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
      }
      JsonNode page = get(URI.create(base + "/api/v1/snapshots" + query));
      JsonNode items = page.path("items");
      if (!items.isArray()) {
        throw new SourceException("source.badAnswer", describe());
      }
      for (JsonNode item : items) {
        JsonNode snapshot = item.get("snapshot");
        if (snapshot == null || !snapshot.isObject()) {
          throw new SourceException("source.badAnswer", describe());
        }
        Instant takenAt;
        try {
          takenAt = Instant.parse(item.path("takenAt").asText());
        } catch (DateTimeParseException e) {
          throw new SourceException("source.badAnswer", describe());
        }
        sink.accept(
            new Item(
                item.path("snapshotId").asText(),
                item.path("unit").isNull() ? null : item.path("unit").asText(null),
                item.path("machineId").asText(),
                takenAt,
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot)));
      }
      JsonNode next = page.path("next");
      after = next.isNull() || next.isMissingNode() ? null : next.asText();
    } while (after != null);
  }

  private JsonNode get(URI uri) throws SourceException, IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (SSLException e) {
      throw new SourceException("source.tls", describe(), String.valueOf(e.getMessage()));
    } catch (IOException e) {
      throw new SourceException(
          "source.unreachable", describe(), e.getClass().getSimpleName() + " " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("source.unreachable", describe(), "interrupted");
    }
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_PAGE_BYTES + 1));
    }
    if (body.length > MAX_PAGE_BYTES) {
      throw new SourceException("source.tooLarge", describe(), MAX_PAGE_BYTES);
    }
    if (response.statusCode() != 200) {
      String reason = "";
      try {
        reason = JSON.readTree(body).path("reason").asText("");
      } catch (IOException e) {
        // No JSON reason: the status code says enough.
      }
      throw new SourceException(
          "source.refused", describe(), response.statusCode(), reason.isEmpty() ? "-" : reason);
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new SourceException("source.badAnswer", describe());
    }
  }

  @Override
  public String describe() {
    return base.toString();
  }

  @Override
  public void close() {
    // The JDK client needs no closing on Java 17.
  }
}
