package vn.hatang.cli.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL server for tests: either a throwaway cluster this class starts (initdb into a
 * temporary folder, a free port on 127.0.0.1, password authentication over TCP, stopped by {@link
 * #close} or at JVM exit), or the server {@code HATANG_TEST_PG_URL} names. Each test gets its own
 * schema ({@link #newSchema}). Thread-safe.
 */
public final class PostgresServer implements AutoCloseable {
  /** The superuser of a started cluster. */
  static final String USER = "hatang";

  /** The database tests use in a started cluster. */
  static final String DATABASE = "hatang_test";

  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private final String url;
  private final String password;
  private final Runnable stop;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Thread hook;

  private PostgresServer(String url, String password, Runnable stop) {
    this.url = url;
    this.password = password;
    this.stop = stop;
    this.hook = new Thread(this::stopOnce, "hatang-test-pg-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The server {@code HATANG_TEST_PG_URL} names; nothing is started or stopped. */
  static PostgresServer external(String url) {
    return new PostgresServer(url, null, () -> {});
  }

  /**
   * Starts a throwaway cluster with the programs in {@code bin}. As root, the programs run as
   * {@code postgres} (Debian's package creates it), else {@code nobody}: initdb refuses root.
   */
  static PostgresServer start(Path bin) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("hatang-pg-");
    String runAs = isRoot() ? unprivilegedUser() : null;
    String password = "pw-" + Long.toHexString(new java.security.SecureRandom().nextLong());
    Path pwfile = dir.resolve("pwfile");
    Files.writeString(pwfile, password + "\n");
    if (runAs != null) {
      UserPrincipal owner =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs);
      Files.setOwner(dir, owner);
      Files.setOwner(pwfile, owner);
    }
    Path data = dir.resolve("data");
    run(
        dir,
        runAs,
        bin.resolve("initdb").toString(),
        "-D",
        data.toString(),
        "-U",
        USER,
        "--pwfile=" + pwfile,
        "--auth-local=trust",
        "--auth-host=scram-sha-256",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync");
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      try {
        run(
            dir,
            runAs,
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
            "start");
      } catch (IOException e) {
        last = e;
        continue;
      }
      Runnable stop =
          () -> {
            try {
              run(
                  dir,
                  runAs,
                  bin.resolve("pg_ctl").toString(),
                  "-D",
                  data.toString(),
                  "-m",
                  "immediate",
                  "-w",
                  "stop");
            } catch (IOException e) {
              System.err.println("could not stop the test PostgreSQL: " + e.getMessage());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            deleteTree(dir);
          };
      String base = "jdbc:postgresql://127.0.0.1:" + port + "/";
      PostgresServer server = new PostgresServer(base + DATABASE + "?user=" + USER, password, stop);
      try (Connection c = DriverManager.getConnection(base + "postgres", USER, password);
          Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + DATABASE);
      } catch (SQLException e) {
        server.close();
        throw new IOException("cannot create the test database: " + e.getMessage(), e);
      }
      return server;
    }
    deleteTree(dir);
    throw last;
  }

  /** The URL of the test database, without a password. */
  public String url() {
    return url;
  }

  /** The password of a started cluster, or {@code null} for an external server. */
  public String password() {
    return password;
  }

  /** Whether this class started the server (so its password is known and it may be changed). */
  public boolean started() {
    return password != null;
  }

  /**
   * Creates an empty schema and returns a URL of the test database whose {@code currentSchema} it
   * is, with the password in the URL when it is known.
   */
  public String newSchema() throws SQLException {
    String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return password == null ? withSchema : withSchema + "&password=" + password;
  }

  /** Drops a schema {@link #newSchema} made (the URL it returned). */
  public void dropSchema(String schemaUrl) throws SQLException {
    String schema = schemaUrl.replaceAll(".*currentSchema=([a-z0-9_]+).*", "$1");
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  /** A connection to the test database (its default schema). */
  public Connection connect() throws SQLException {
    Properties info = new Properties();
    if (password != null) {
      info.setProperty("password", password);
    } else if (System.getenv("PGPASSWORD") != null && !url.contains("password=")) {
      info.setProperty("password", System.getenv("PGPASSWORD"));
    }
    return DriverManager.getConnection(url, info);
  }

  @Override
  public void close() {
    stopOnce();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is running or has run.
    }
  }

  private void stopOnce() {
    if (stopped.compareAndSet(false, true)) {
      stop.run();
    }
  }

  private static void run(Path dir, String runAs, String... command)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (runAs != null) {
      full.addAll(List.of("runuser", "-u", runAs, "--"));
    }
    full.addAll(List.of(command));
    Path log = Files.createTempFile("hatang-pg-cmd", ".log");
    try {
      Process p =
          new ProcessBuilder(full)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", full) + ": no answer after 120 s");
      }
      if (p.exitValue() != 0) {
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Path serverLog = dir.resolve("server.log");
        if (Files.isReadable(serverLog)) {
          out += "\n--- server.log ---\n" + Files.readString(serverLog, StandardCharsets.UTF_8);
        }
        throw new IOException(
            String.join(" ", full) + " exited with " + p.exitValue() + ":\n" + out);
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static boolean isRoot() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
    String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor();
    return uid.equals("0");
  }

  private static String unprivilegedUser() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("id", "-u", "postgres").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0 ? "postgres" : "nobody";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      System.err.println("could not delete " + root + ": " + e.getMessage());
    }
  }
}
