package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hatang.cli.store.PostgresExtension;
import vn.hatang.cli.store.PostgresServer;
import vn.hatang.cli.store.Store;
import vn.hatang.cli.store.Stores;
import vn.hatang.cli.store.Tokens;

/** {@code hatang tokens} with {@code --db}, on the test PostgreSQL server. */
@ExtendWith(PostgresExtension.class)
class TokensCommandPostgresTest {
  @Test
  void createListAndRevokeWithTheDbOption(PostgresServer pg) throws Exception {
    String url = pg.newSchema();
    try {
      Cli created =
          Cli.runWithInput("", Map.of(), "tokens", "create", "--db", url, "--unit", "21583");
      assertThat(created.exit()).as(created.err()).isZero();
      String token = created.out().strip();
      String id = Tokens.idOf(token).orElseThrow();
      try (Store s = Stores.open(url, null, Map.of())) {
        assertThat(s.kind()).isEqualTo("postgresql");
        assertThat(s.tokenByHash(Tokens.sha256Hex(token)).orElseThrow().unitCode())
            .isEqualTo("21583");
      }
      Cli list = Cli.runWithInput("", Map.of(), "tokens", "list", "--db", url);
      assertThat(list.out()).contains(id + "  upload  21583");
      Cli revoked = Cli.runWithInput("", Map.of(), "tokens", "revoke", "--db", url, id);
      assertThat(revoked.exit()).isZero();
      assertThat(revoked.out()).contains("token " + id + " revoked");
    } finally {
      pg.dropSchema(url);
    }
  }

  @Test
  void thePasswordMayComeFromPgpasswordAndTheUrlFromHatangDb(PostgresServer pg) throws Exception {
    assumeTrue(pg.started(), "needs the password of the cluster the tests started");
    String url = pg.newSchema();
    try {
      String withoutPassword = url.replaceAll("&password=[^&]*", "");
      Map<String, String> env = Map.of("HATANG_DB", withoutPassword, "PGPASSWORD", pg.password());
      Cli created = Cli.runWithInput("", env, "tokens", "create", "--unit", "21607");
      assertThat(created.exit()).as(created.err()).isZero();
      Cli list = Cli.runWithInput("", env, "tokens", "list");
      assertThat(list.out()).contains("21607");
      Cli wrong =
          Cli.runWithInput(
              "",
              Map.of("HATANG_DB", withoutPassword, "PGPASSWORD", "not-the-pw"),
              "tokens",
              "list");
      assertThat(wrong.exit()).isEqualTo(4);
      assertThat(wrong.err())
          .contains("password authentication failed")
          .doesNotContain("not-the-pw");
    } finally {
      pg.dropSchema(url);
    }
  }
}
