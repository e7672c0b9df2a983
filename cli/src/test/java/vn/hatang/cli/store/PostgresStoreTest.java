package vn.hatang.cli.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store contract on a real PostgreSQL server ({@link PostgresExtension}). */
@ExtendWith(PostgresExtension.class)
class PostgresStoreTest extends StoreContractTest {
  final PostgresServer pg;
  String schemaUrl;

  PostgresStoreTest(PostgresServer pg) {
    this.pg = pg;
  }

  @Override
  Store openFresh() throws Exception {
    schemaUrl = pg.newSchema();
    return Stores.open(schemaUrl, null, Map.of());
  }

  @Override
  Store reopen() throws Exception {
    return Stores.open(schemaUrl, null, Map.of());
  }

  @Override
  Connection rawConnection() throws Exception {
    Connection c = pg.connect();
    try (Statement st = c.createStatement()) {
      st.execute("SET search_path TO " + schemaUrl.replaceAll(".*currentSchema=(\\w+).*", "$1"));
    }
    return c;
  }

  @Override
  String expectedKind() {
    return "postgresql";
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (store != null) {
      store.close();
      store = null;
    }
    pg.dropSchema(schemaUrl);
  }

  @Test
  void indexesOfTheContractExist() throws Exception {
    List<String> indexes = new ArrayList<>();
    try (Connection c = rawConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                    + " ORDER BY indexname")) {
      while (rs.next()) {
        indexes.add(rs.getString(1));
      }
    }
    assertThat(indexes).contains("snapshots_unit_seq", "snapshots_unit_machine_taken");
  }

  @Test
  void thePasswordMayComeFromPgpassword() throws Exception {
    assumeTrue(pg.started(), "needs the password of the cluster the tests started");
    String withoutPassword = schemaUrl.replaceAll("&password=[^&]*", "");
    try (Store s = Stores.open(withoutPassword, null, Map.of("PGPASSWORD", pg.password()))) {
      assertThat(s.healthy()).isTrue();
      assertThat(s.stats().snapshots()).isZero();
    }
  }

  @Test
  void aWrongPasswordIsReportedWithoutThePassword() {
    assumeTrue(pg.started(), "needs a server that asks for a password");
    String wrong = schemaUrl.replaceAll("&password=[^&]*", "") + "&password=Wrong-Secret-42";
    assertThatThrownBy(() -> Stores.open(wrong, null, Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot use the PostgreSQL database jdbc:postgresql://")
        .hasMessageContaining("password=***")
        .hasMessageContaining("password authentication failed")
        .hasMessageNotContaining("Wrong-Secret-42");
    String none = schemaUrl.replaceAll("&password=[^&]*", "");
    assertThatThrownBy(() -> Stores.open(none, null, Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot use the PostgreSQL database ")
        .hasMessageNotContaining(pg.password());
  }

  @Test
  void aUserWhoMayOnlyReadAndWriteRowsCanUseAMigratedStore() throws Exception {
    assumeTrue(pg.started(), "creates a role in the cluster the tests started");
    String schema = schemaUrl.replaceAll(".*currentSchema=(\\w+).*", "$1");
    String role = "app_" + schema;
    try (Connection c = pg.connect();
        Statement st = c.createStatement()) {
      st.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'app-pw'");
      st.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
      st.execute("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
    }
    String appUrl =
        schemaUrl
            .replaceAll("user=[^&]*", "user=" + role)
            .replaceAll("password=[^&]*", "password=app-pw");
    try (Store app = Stores.open(appUrl, null, Map.of())) {
      assertThat(app.put(snapshot("app-1", "21583", "m", T0), T0))
          .isEqualTo(Store.PutResult.STORED);
      assertThat(app.get("app-1")).isPresent();
    }
    try (Connection c = pg.connect();
        Statement st = c.createStatement()) {
      st.execute("DROP OWNED BY " + role);
      st.execute("DROP ROLE " + role);
    }
  }
}
