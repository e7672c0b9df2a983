package vn.hatang.cli.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Passwords in PostgreSQL URLs: used, never shown. No server needed. */
class PostgresUrlTest {
  @Test
  void thePasswordParameterIsTakenOutAndMasked() {
    PostgresUrl u =
        PostgresUrl.parse(
            "jdbc:postgresql://db.example:5433/hatang?user=hat&password=s%40cret-1&ssl=true",
            Map.of("PGPASSWORD", "from-env"));
    assertThat(u.password()).isEqualTo("s@cret-1");
    assertThat(u.url()).isEqualTo("jdbc:postgresql://db.example:5433/hatang?user=hat&ssl=true");
    assertThat(u.display())
        .isEqualTo("jdbc:postgresql://db.example:5433/hatang?user=hat&password=***&ssl=true");
    assertThat(u.toString()).doesNotContain("s@cret").doesNotContain("s%40cret");
    assertThat(u.redact("auth failed for s@cret-1 at db")).isEqualTo("auth failed for *** at db");
  }

  @Test
  void withoutOneInTheUrlThePasswordComesFromPgpassword() {
    PostgresUrl u =
        PostgresUrl.parse("jdbc:postgresql://db/hatang?user=hat", Map.of("PGPASSWORD", "envpw"));
    assertThat(u.password()).isEqualTo("envpw");
    assertThat(u.url()).isEqualTo("jdbc:postgresql://db/hatang?user=hat");
    assertThat(PostgresUrl.parse("jdbc:postgresql://db/hatang", Map.of()).password()).isNull();
  }

  @Test
  void userInfoInTheHostPartIsMaskedToo() {
    PostgresUrl u = PostgresUrl.parse("jdbc:postgresql://hat:topsecret@db/hatang", Map.of());
    assertThat(u.display()).isEqualTo("jdbc:postgresql://***@db/hatang");
  }

  @Test
  void aUrlOfAnotherKindIsRefusedWithoutItsPassword() {
    assertThatThrownBy(() -> Stores.open("jdbc:mysql://db/x?password=hunter22", null, Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "--db jdbc:mysql://db/x?password=***: not a PostgreSQL JDBC URL; expected"
                + " jdbc:postgresql://HOST[:PORT]/DATABASE?user=USER (SQLite is chosen with"
                + " --data DIR)");
  }

  @Test
  void anUnreachableServerIsOneClearMessageWithoutThePassword() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/hatang?user=hat&password=hunter22";
    assertThatThrownBy(() -> Stores.open(url, null, Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(
            "cannot use the PostgreSQL database jdbc:postgresql://127.0.0.1:"
                + port
                + "/hatang?user=hat&password=***: Connection to 127.0.0.1:"
                + port
                + " refused")
        .hasMessageNotContaining("hunter22");
  }
}
