package vn.hatang.agent.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import vn.hatang.agent.AgentException;
import vn.hatang.agent.config.AgentConfig;
import vn.hatang.agent.config.UploadRules;
import vn.hatang.agent.line.Failures;
import vn.hatang.agent.line.LineFailure;
import vn.hatang.agent.spool.Notices;
import vn.hatang.core.ExitCode;

/**
 * Sends snapshots to the collector by upload protocol v1: {@code POST {url}/api/v1/snapshots}, gzip
 * body, bearer token, {@code Idempotency-Key}. Trusts the JDK's CAs plus the configured {@code
 * caFile}; goes through the configured proxy, else the system's ({@code ProxySelector}). Follows no
 * redirect (the token would follow it). The token never leaves this class except in the {@code
 * Authorization} header: no message, exception or {@code toString} holds it. Thread-safe; {@link
 * #close()} when done.
 */
public final class Uploader implements AutoCloseable {
  /** The path of the upload endpoint under the collector's base URL. */
  public static final String PATH = "/api/v1/snapshots";

  /** The most of the collector's answer read (it is untrusted input). */
  public static final int MAX_ANSWER_BYTES = 16 * 1024;

  /** Waited after a 429 without a usable {@code Retry-After}, in seconds. */
  public static final long DEFAULT_RETRY_AFTER_SECONDS = 60;

  /** The longest {@code Retry-After} honoured, in seconds. */
  public static final long MAX_RETRY_AFTER_SECONDS = 24 * 3600;

  private static final MediaType JSON = MediaType.get("application/json");

  private final String endpoint;
  private final String token;
  private final OkHttpClient client;
  private final Clock clock;

  private Uploader(String endpoint, String token, OkHttpClient client, Clock clock) {
    this.endpoint = endpoint;
    this.token = token;
    this.client = client;
    this.clock = clock;
  }

  /**
   * An uploader for the {@code collector:} section: reads the token file and the CA file.
   *
   * @throws AgentException (exit 3) when the token file or the CA file cannot be used
   */
  public static Uploader create(AgentConfig.Collector collector, Clock clock)
      throws AgentException {
    return create(collector, clock, Notices.NONE);
  }

  /**
   * As {@link #create(AgentConfig.Collector, Clock)}, telling {@code notices} when the token file
   * can be read by other users of this PC.
   */
  public static Uploader create(AgentConfig.Collector collector, Clock clock, Notices notices)
      throws AgentException {
    String token;
    if (collector.token() != null) {
      token = collector.token();
    } else {
      token = readToken(collector.tokenFile());
      if (readableByOthers(Path.of(collector.tokenFile()))) {
        notices.notice("upload.tokenFileOpen", collector.tokenFile());
      }
    }
    Duration timeout = Duration.ofSeconds(collector.timeoutOrDefault());
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout)
            .followRedirects(false)
            .followSslRedirects(false);
    if (collector.caFile() != null) {
      try {
        X509TrustManager trust = TrustAnchors.withExtra(Path.of(collector.caFile()));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {trust}, null);
        builder.sslSocketFactory(tls.getSocketFactory(), trust);
      } catch (IOException | GeneralSecurityException e) {
        throw new AgentException(
            ExitCode.INVALID_INPUT, e, "upload.error.caFile", collector.caFile(), e.toString());
      }
    }
    if (collector.proxy() != null) {
      URI proxy = URI.create(collector.proxy());
      builder.proxy(
          new Proxy(
              Proxy.Type.HTTP,
              InetSocketAddress.createUnresolved(proxy.getHost(), proxy.getPort())));
    }
    String base = collector.url().replaceAll("/+$", "");
    return new Uploader(base + PATH, token, builder.build(), clock);
  }

  /** The token from its file: the first line, trimmed. The message never quotes the file. */
  private static String readToken(String tokenFile) throws AgentException {
    String text;
    try {
      if (Files.size(Path.of(tokenFile)) > 4096) {
        throw new AgentException(ExitCode.INVALID_INPUT, "upload.error.tokenContent", tokenFile);
      }
      text = Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AgentException(
          ExitCode.INVALID_INPUT,
          "upload.error.tokenFile",
          tokenFile,
          e.getClass().getSimpleName());
    }
    String token = text.lines().findFirst().orElse("").strip();
    if (!UploadRules.validTokenChars(token)) {
      throw new AgentException(ExitCode.INVALID_INPUT, "upload.error.tokenContent", tokenFile);
    }
    return token;
  }

  /**
   * Whether group or others may read the file (POSIX only: Windows protects it with the ACL of its
   * folder, which the installer sets).
   */
  static boolean readableByOthers(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The URL snapshots are posted to. */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Sends one snapshot; never throws for a network or HTTP failure (see the result's outcome).
   *
   * @param json the snapshot file's bytes, as they are
   * @param snapshotId its {@code snapshotId}, sent as {@code Idempotency-Key}
   */
  public UploadResult send(byte[] json, String snapshotId) {
    Request request =
        new Request.Builder()
            .url(endpoint)
            .header("Authorization", "Bearer " + token)
            .header("Content-Encoding", "gzip")
            .header("Idempotency-Key", snapshotId)
            .post(RequestBody.create(gzip(json), JSON))
            .build();
    try (Response response = client.newCall(request).execute()) {
      byte[] answer = readLimited(response.body());
      Outcome outcome = Outcome.of(response.code());
      long retryAfter =
          outcome == Outcome.RATE_LIMITED ? retryAfterSeconds(response.header("Retry-After")) : 0;
      return new UploadResult(outcome, response.code(), answer, retryAfter, null, List.of());
    } catch (IOException | RuntimeException e) {
      LineFailure failure = Failures.classify(e, endpoint);
      return new UploadResult(Outcome.UNAVAILABLE, 0, null, 0, failure.key(), failure.args());
    }
  }

  /** Reads at most {@link #MAX_ANSWER_BYTES} of an answer; the rest is dropped unread. */
  static byte[] readLimited(ResponseBody body) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    try (InputStream in = body.byteStream()) {
      return in.readNBytes(MAX_ANSWER_BYTES);
    }
  }

  /**
   * Seconds to wait from a {@code Retry-After} value: whole seconds or an HTTP date; {@link
   * #DEFAULT_RETRY_AFTER_SECONDS} when absent or unreadable; between 1 and {@link
   * #MAX_RETRY_AFTER_SECONDS}.
   */
  long retryAfterSeconds(String header) {
    long seconds = DEFAULT_RETRY_AFTER_SECONDS;
    if (header != null) {
      String value = header.strip();
      if (value.matches("\\d{1,12}")) {
        seconds = Long.parseLong(value);
      } else {
        try {
          ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
          seconds = Duration.between(clock.instant(), at.toInstant()).toSeconds();
        } catch (DateTimeParseException e) {
          // Unreadable: the default wait.
        }
      }
    }
    return Math.max(1, Math.min(seconds, MAX_RETRY_AFTER_SECONDS));
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Closes idle connections and the client's threads. */
  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "Uploader[" + endpoint + "]";
  }
}
