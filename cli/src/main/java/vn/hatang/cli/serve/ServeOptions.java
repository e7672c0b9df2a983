package vn.hatang.cli.serve;

import java.net.InetAddress;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code hatang serve} listens on and the limits of its speed tests. Validated on
 * construction; immutable.
 *
 * @param bind the address to listen on
 * @param port the TCP port, 0 for any free port
 * @param tls the TLS identity, or empty for plain HTTP
 * @param maxDownloadBytes the largest {@code bytes} a download may ask for, in bytes
 * @param maxUploadBytes the largest upload body accepted, in bytes
 * @param maxTestDuration how long one download or upload may last
 * @param maxConcurrentTests how many downloads and uploads may run at once
 */
public record ServeOptions(
    InetAddress bind,
    int port,
    Optional<Tls> tls,
    long maxDownloadBytes,
    long maxUploadBytes,
    Duration maxTestDuration,
    int maxConcurrentTests) {

  /**
   * Default largest download: 2 GiB (a client asks for a size; more than one 10 s stream needs).
   */
  public static final long DEFAULT_MAX_BYTES = 2L << 30;

  /**
   * Default largest upload: 64 GiB. An upload is counted and discarded, never stored, and the time
   * limit bounds it; a small size limit would cut fast links' streams short (10 s at 2.5 Gbit/s per
   * stream is 3 GB) and lose the whole measurement.
   */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L << 30;

  public ServeOptions {
    Objects.requireNonNull(bind);
    Objects.requireNonNull(tls);
    Objects.requireNonNull(maxTestDuration);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port);
    }
    if (maxDownloadBytes < 1 || maxUploadBytes < 1 || maxConcurrentTests < 1) {
      throw new IllegalArgumentException("limits must be at least 1");
    }
    if (maxTestDuration.toMillis() < 1) {
      throw new IllegalArgumentException("maxTestDuration " + maxTestDuration);
    }
  }

  /** Loopback on {@code port} with the default limits and no TLS (tests and the default run). */
  public static ServeOptions loopback(int port) {
    return new ServeOptions(
        InetAddress.getLoopbackAddress(),
        port,
        Optional.empty(),
        DEFAULT_MAX_BYTES,
        DEFAULT_MAX_UPLOAD_BYTES,
        Duration.ofSeconds(30),
        64);
  }

  /** A copy with other limits. */
  public ServeOptions withLimits(
      long maxDownloadBytes, long maxUploadBytes, Duration maxTestDuration, int maxConcurrent) {
    return new ServeOptions(
        bind, port, tls, maxDownloadBytes, maxUploadBytes, maxTestDuration, maxConcurrent);
  }

  /** A copy serving HTTPS with this identity. */
  public ServeOptions withTls(Tls identity) {
    return new ServeOptions(
        bind,
        port,
        Optional.of(identity),
        maxDownloadBytes,
        maxUploadBytes,
        maxTestDuration,
        maxConcurrentTests);
  }

  /**
   * The server's TLS identity: a loaded PKCS12 key store and its password. The password never
   * appears in {@link #toString()}.
   *
   * @param keyStore the loaded key store holding the server's key and certificate chain
   * @param password the key store's (and key's) password
   */
  public record Tls(KeyStore keyStore, char[] password) {
    public Tls {
      Objects.requireNonNull(keyStore);
      password = password.clone();
    }

    @Override
    public char[] password() {
      return password.clone();
    }

    @Override
    public String toString() {
      return "Tls[keyStore=" + keyStore.getType() + ", password=***]";
    }
  }
}
