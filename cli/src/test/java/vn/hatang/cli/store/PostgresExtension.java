package vn.hatang.cli.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real PostgreSQL ({@link PostgresServer} parameters): the server {@code
 * HATANG_TEST_PG_URL} names, else one throwaway cluster started once for the whole test run (with
 * {@code initdb}/{@code pg_ctl} from the PATH or {@code /usr/lib/postgresql/<major>/bin}) and
 * stopped when the run ends. Without PostgreSQL the tests fail, naming {@code .ci/run}, so that CI
 * never skips them silently; {@code HATANG_SKIP_PG=1} skips them, visibly.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {
  /** A server to use instead of starting one: {@code jdbc:postgresql://...}. */
  static final String URL_ENV = "HATANG_TEST_PG_URL";

  /** {@code 1}: skip the PostgreSQL tests. */
  static final String SKIP_ENV = "HATANG_SKIP_PG";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  /** What to do, decided from the environment and the programs found. */
  sealed interface Plan {}

  /** Skip, with the reason. */
  record Skip(String reason) implements Plan {}

  /** Use the server at this URL. */
  record External(String url) implements Plan {}

  /** Start a cluster with the programs in this folder. */
  record Start(Path bin) implements Plan {}

  /** Fail, with the message. */
  record Fail(String message) implements Plan {}

  /** Decides, from the environment and where (whether) {@code initdb} was found. */
  static Plan plan(Map<String, String> env, Optional<Path> bin) {
    if ("1".equals(env.get(SKIP_ENV))) {
      return new Skip("PostgreSQL tests skipped: " + SKIP_ENV + "=1");
    }
    String url = env.get(URL_ENV);
    if (url != null && !url.isBlank()) {
      return new External(url);
    }
    if (bin.isPresent()) {
      return new Start(bin.get());
    }
    return new Fail(
        "The PostgreSQL store tests need PostgreSQL's initdb and pg_ctl, on the PATH or in "
            + PgBinaries.DEBIAN_ROOT
            + "/<major>/bin, and none were found. Install Debian's postgresql package as .ci/run"
            + " does (apt-get install postgresql; the tests start their own server), or set "
            + URL_ENV
            + "=jdbc:postgresql://HOST:PORT/DB?user=U&password=P to use a server, or "
            + SKIP_ENV
            + "=1 to skip these tests.");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PostgresServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }

  private static PostgresServer server(ExtensionContext context) {
    Map<String, String> env = System.getenv();
    Plan plan = plan(env, PgBinaries.find(env.get("PATH"), PgBinaries.DEBIAN_ROOT));
    if (plan instanceof Skip skip) {
      System.err.println(skip.reason());
      Assumptions.abort(skip.reason());
    }
    if (plan instanceof Fail fail) {
      throw new IllegalStateException(fail.message());
    }
    // Once per test run: the root context's store closes the server when the run ends.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(PostgresServer.class, k -> open(plan), PostgresServer.class);
  }

  private static PostgresServer open(Plan plan) {
    if (plan instanceof External external) {
      return PostgresServer.external(external.url());
    }
    Path bin = ((Start) plan).bin();
    try {
      return PostgresServer.start(bin);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot start a throwaway PostgreSQL with " + bin + ": " + e.getMessage(), e);
    }
  }
}
