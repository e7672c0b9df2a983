package vn.hatang.cli.serve;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.URI;
import java.time.Clock;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import vn.hatang.cli.store.Store;

/**
 * The {@code hatang serve} HTTP/1.1 server (embedded Jetty): one connector, plain or TLS, a bounded
 * thread pool, no server version header, and the {@link SpeedTestHandler}. Start it, ask its {@link
 * #port()}, close it.
 */
public final class HatangServer implements AutoCloseable {
  /** Threads at most; the handlers never block, so a small pool serves many tests. */
  static final int MAX_THREADS = 64;

  /** Bytes read from a connection at once: large reads keep per-chunk work low at 1 Gbit/s+. */
  static final int INPUT_BUFFER_BYTES = 64 * 1024;

  /** Idle connections are closed after this long, in milliseconds (also unsticks dead clients). */
  static final long IDLE_TIMEOUT_MS = 30_000;

  private final ServeOptions options;
  private final Server server;
  private final ServerConnector connector;

  private final Metrics metrics = new Metrics();
  private final CollectorHandler collector;

  /** A speed-test server without the collector; nothing listens before {@link #start()}. */
  public HatangServer(ServeOptions options) {
    this(options, null);
  }

  /**
   * Assembles the server; nothing listens before {@link #start()}.
   *
   * @param options listening, TLS and speed-test limits
   * @param collector the collector's store and limits, or {@code null} for speed tests only
   */
  public HatangServer(ServeOptions options, Collector collector) {
    this.options = options;
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
    threads.setName("hatang-serve");
    server = new Server(threads);
    server.setStopTimeout(5_000);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    HttpConnectionFactory h1 = new HttpConnectionFactory(http);
    h1.setInputBufferSize(INPUT_BUFFER_BYTES);

    if (options.tls().isPresent()) {
      ServeOptions.Tls tls = options.tls().get();
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStore(tls.keyStore());
      ssl.setKeyStorePassword(new String(tls.password()));
      ssl.setKeyManagerPassword(new String(tls.password()));
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      // Clients reach the server by IP address as often as by name; SNI must not refuse them.
      secure.setSniHostCheck(false);
      http.addCustomizer(secure);
      connector =
          new ServerConnector(
              server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), h1);
    } else {
      connector = new ServerConnector(server, h1);
    }
    connector.setHost(options.bind().getHostAddress());
    connector.setPort(options.port());
    connector.setIdleTimeout(IDLE_TIMEOUT_MS);
    server.addConnector(connector);
    this.collector =
        collector == null
            ? null
            : new CollectorHandler(
                collector.store(),
                metrics,
                collector.uploadsPerMinute(),
                collector.workerThreads(),
                Clock.systemUTC());
    // Every handler is non-blocking, so Jetty may run them on its selector thread (pings answer
    // without a thread hand-off); the collector passes its blocking work to its own pool.
    server.setHandler(
        new Handler.Sequence(
            new SpeedTestHandler(options, metrics),
            this.collector == null ? new NotFound() : this.collector));
  }

  /**
   * The collector's part of the server.
   *
   * @param store where snapshots and tokens are (the caller closes it after the server)
   * @param uploadsPerMinute uploads allowed per token and minute, also the burst
   * @param workerThreads threads reading upload bodies and calling the store
   */
  public record Collector(Store store, int uploadsPerMinute, int workerThreads) {
    /** Uploads per token and minute when not configured. */
    public static final int DEFAULT_UPLOADS_PER_MINUTE = 600;

    /** Collector threads when not configured. */
    public static final int DEFAULT_WORKER_THREADS = 8;
  }

  /** JSON 404 for every request (when there is no collector). */
  private static final class NotFound extends Handler.Abstract.NonBlocking {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      CollectorHandler.answer(
          response, callback, HttpStatus.NOT_FOUND_404, "not_found", null, null, null);
      return true;
    }
  }

  /**
   * Starts listening.
   *
   * @throws IOException when the address cannot be bound (in use, not local) or TLS cannot start
   */
  public void start() throws IOException {
    try {
      server.start();
    } catch (IOException e) {
      stopQuietly();
      throw e;
    } catch (Exception e) {
      stopQuietly();
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The port listened on (the chosen one when started with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The base address, e.g. {@code http://127.0.0.1:8080}. */
  public URI uri() {
    String host = options.bind().getHostAddress();
    if (options.bind() instanceof Inet6Address) {
      host = "[" + host + "]";
    }
    return URI.create((options.tls().isPresent() ? "https" : "http") + "://" + host + ":" + port());
  }

  /** Waits until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops listening and ends the exchanges in progress (waiting at most 5 s). */
  @Override
  public void close() {
    stopQuietly();
  }

  private void stopQuietly() {
    try {
      server.stop();
    } catch (Exception e) {
      // Stopping is best effort: the process is ending or the test is over.
    }
    if (collector != null) {
      collector.close();
    }
  }
}
