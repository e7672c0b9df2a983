package vn.hatang.cli.serve;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.URI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

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

  /** Assembles the server; nothing listens before {@link #start()}. */
  public HatangServer(ServeOptions options) {
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
    server.setHandler(new SpeedTestHandler(options));
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
  }
}
