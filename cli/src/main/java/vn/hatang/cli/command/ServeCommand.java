package vn.hatang.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.UserException;
import vn.hatang.cli.serve.HatangServer;
import vn.hatang.cli.serve.PemIdentity;
import vn.hatang.cli.serve.ServeOptions;
import vn.hatang.cli.store.Store;
import vn.hatang.core.ExitCode;

/** {@code hatang serve}: the speed-test server and the collector, until SIGINT or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {
  private final HatangMain.Context context;

  @Spec CommandSpec spec;

  @Option(names = "--bind", paramLabel = "ADDR", descriptionKey = "serve.bind")
  String bind = "127.0.0.1";

  @Option(names = "--port", paramLabel = "N", descriptionKey = "serve.port")
  int port = 8080;

  @Option(names = "--tls-keystore", paramLabel = "FILE.p12", descriptionKey = "serve.tlsKeystore")
  Path tlsKeystore;

  @Option(names = "--tls-password-env", paramLabel = "VAR", descriptionKey = "serve.tlsPasswordEnv")
  String tlsPasswordEnv;

  @Option(names = "--insecure-http", descriptionKey = "serve.insecureHttp")
  boolean insecureHttp;

  @Option(names = "--max-download-bytes", paramLabel = "N", descriptionKey = "serve.maxDownload")
  long maxDownloadBytes = ServeOptions.DEFAULT_MAX_BYTES;

  @Option(names = "--max-upload-bytes", paramLabel = "N", descriptionKey = "serve.maxUpload")
  long maxUploadBytes = ServeOptions.DEFAULT_MAX_UPLOAD_BYTES;

  @Option(names = "--max-test-seconds", paramLabel = "N", descriptionKey = "serve.maxSeconds")
  int maxTestSeconds = 30;

  @Option(names = "--max-concurrent-tests", paramLabel = "N", descriptionKey = "serve.maxTests")
  int maxConcurrentTests = 64;

  @Option(names = "--tls-cert", paramLabel = "CHAIN.pem", descriptionKey = "serve.tlsCert")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "KEY.pem", descriptionKey = "serve.tlsKey")
  Path tlsKey;

  @Option(names = "--speed-only", descriptionKey = "serve.speedOnly")
  boolean speedOnly;

  @Mixin StoreOptions storeOptions;

  @Option(
      names = "--uploads-per-minute",
      paramLabel = "N",
      descriptionKey = "serve.uploadsPerMinute")
  int uploadsPerMinute = HatangServer.Collector.DEFAULT_UPLOADS_PER_MINUTE;

  @Option(
      names = "--collector-threads",
      paramLabel = "N",
      descriptionKey = "serve.collectorThreads")
  int collectorThreads = HatangServer.Collector.DEFAULT_WORKER_THREADS;

  public ServeCommand(HatangMain.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    ServeOptions options = options();
    positive("--uploads-per-minute", uploadsPerMinute);
    positive("--collector-threads", collectorThreads);
    Store store = speedOnly ? null : storeOptions.open(context.env());
    HatangServer server =
        new HatangServer(
            options,
            store == null
                ? null
                : new HatangServer.Collector(store, uploadsPerMinute, collectorThreads));
    try {
      server.start();
    } catch (IOException e) {
      closeQuietly(store);
      throw new UserException(
          ExitCode.INTERNAL, "serve.cannotListen", bind, Integer.toString(port), e.getMessage());
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  closeQuietly(store);
                },
                "hatang-serve-stop"));
    spec.commandLine()
        .getErr()
        .println(
            context
                .messages()
                .get(
                    store == null ? "serve.listening" : "serve.listeningCollector",
                    server.uri(),
                    store == null ? "" : store.kind()));
    server.join();
    return ExitCode.OK.code();
  }

  private static void closeQuietly(Store store) {
    if (store != null) {
      store.close();
    }
  }

  private ServeOptions options() {
    if (port < 0 || port > 65535) {
      throw new UserException(ExitCode.USAGE, "serve.badPort", Integer.toString(port));
    }
    positive("--max-download-bytes", maxDownloadBytes);
    positive("--max-upload-bytes", maxUploadBytes);
    positive("--max-test-seconds", maxTestSeconds);
    positive("--max-concurrent-tests", maxConcurrentTests);
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new UserException(ExitCode.USAGE, "serve.badBind", bind);
    }
    Optional<ServeOptions.Tls> tls = tls();
    if (tls.isEmpty() && !address.isLoopbackAddress() && !insecureHttp) {
      throw new UserException(ExitCode.USAGE, "serve.insecureBind", bind);
    }
    return new ServeOptions(
        address,
        port,
        tls,
        maxDownloadBytes,
        maxUploadBytes,
        Duration.ofSeconds(maxTestSeconds),
        maxConcurrentTests);
  }

  private Optional<ServeOptions.Tls> tls() {
    if (tlsCert != null || tlsKey != null) {
      if (tlsCert == null || tlsKey == null || tlsKeystore != null) {
        throw new UserException(ExitCode.USAGE, "serve.tlsPemIncomplete");
      }
      try {
        return Optional.of(PemIdentity.load(tlsCert, tlsKey));
      } catch (PemIdentity.PemException e) {
        throw new UserException(ExitCode.INVALID_INPUT, "serve.pemUnreadable", e.getMessage());
      } catch (IOException e) {
        throw new UserException(
            ExitCode.INVALID_INPUT, "serve.pemUnreadable", String.valueOf(e.getMessage()));
      }
    }
    if (tlsKeystore == null && tlsPasswordEnv == null) {
      return Optional.empty();
    }
    if (tlsKeystore == null || tlsPasswordEnv == null) {
      throw new UserException(ExitCode.USAGE, "serve.tlsIncomplete");
    }
    String password = context.env().get(tlsPasswordEnv);
    if (password == null) {
      throw new UserException(ExitCode.USAGE, "serve.tlsPasswordUnset", tlsPasswordEnv);
    }
    try (InputStream in = Files.newInputStream(tlsKeystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      return Optional.of(new ServeOptions.Tls(store, password.toCharArray()));
    } catch (IOException | GeneralSecurityException e) {
      throw new UserException(
          ExitCode.INVALID_INPUT,
          "serve.keystoreUnreadable",
          tlsKeystore.toString(),
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private static void positive(String option, long value) {
    if (value < 1) {
      throw new UserException(ExitCode.USAGE, "serve.notPositive", option, Long.toString(value));
    }
  }
}
