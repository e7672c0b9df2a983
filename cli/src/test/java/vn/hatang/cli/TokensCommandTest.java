package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.cli.store.Store;
import vn.hatang.cli.store.Stores;
import vn.hatang.cli.store.Tokens;

/** {@code hatang tokens create|list|revoke}, in-process, against a SQLite data folder. */
class TokensCommandTest {
  @TempDir Path tmp;

  Path data() {
    return tmp.resolve("data");
  }

  Cli run(String... args) {
    return Cli.runWithInput("", Map.of(), args);
  }

  String create(String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "tokens";
    args[1] = "create";
    args[2] = "--data=" + data();
    System.arraycopy(more, 0, args, 3, more.length);
    Cli r = run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out().strip();
  }

  List<Store.Token> stored() throws Exception {
    try (Store s = Stores.open(null, data())) {
      return s.tokens();
    }
  }

  @Test
  void createPrintsTheTokenOnceAndKeepsOnlyItsHash() throws Exception {
    Cli r =
        run(
            "tokens",
            "create",
            "--data",
            data().toString(),
            "--unit",
            "21583",
            "--label",
            "Máy văn thư");
    assertThat(r.exit()).as(r.err()).isZero();
    String token = r.out().strip();
    assertThat(r.out()).isEqualTo(token + System.lineSeparator());
    assertThat(Tokens.isWellFormed(token)).as(token).isTrue();
    String id = Tokens.idOf(token).orElseThrow();
    assertThat(r.err())
        .contains("token " + id + " created (scope upload, unit 21583)")
        .contains("cannot be shown again");

    List<Store.Token> tokens = stored();
    assertThat(tokens).hasSize(1);
    Store.Token t = tokens.get(0);
    assertThat(t.id()).isEqualTo(id);
    assertThat(t.sha256()).isEqualTo(Tokens.sha256Hex(token));
    assertThat(t.scope()).isEqualTo("upload");
    assertThat(t.unitCode()).isEqualTo("21583");
    assertThat(t.label()).isEqualTo("Máy văn thư");
    assertThat(t.expiresAt()).isNull();
    assertThat(t.revokedAt()).isNull();
    assertThat(t.createdAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
    // The secret is nowhere in the database files.
    String secret = token.substring(13);
    for (Path f : List.of(data().resolve("hatang.db"), data().resolve("hatang.db-wal"))) {
      if (Files.exists(f)) {
        assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
            .doesNotContain(secret);
      }
    }
  }

  @Test
  void anUploadTokenNeedsAUnit() {
    Cli r = run("tokens", "create", "--data", data().toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("error: an upload token needs --unit CODE");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aReadTokenWithoutUnitReadsEveryUnit() throws Exception {
    String token = create("--scope", "read");
    Store.Token t = stored().get(0);
    assertThat(t.scope()).isEqualTo("read");
    assertThat(t.unitCode()).isNull();
    assertThat(t.sha256()).isEqualTo(Tokens.sha256Hex(token));
    Cli list = run("tokens", "list", "--data", data().toString());
    assertThat(list.out()).contains("(all units)");
  }

  @Test
  void expiresIsTheLastDayTheTokenWorks() throws Exception {
    LocalDate day = LocalDate.now(ZoneId.systemDefault()).plusDays(30);
    create("--unit", "21583", "--expires", day.toString());
    assertThat(stored().get(0).expiresAt())
        .isEqualTo(day.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  @Test
  void badOptionsAreUsageErrors() {
    Cli past =
        run(
            "tokens",
            "create",
            "--data",
            data().toString(),
            "--unit",
            "1",
            "--expires",
            "2020-01-31");
    assertThat(past.exit()).isEqualTo(2);
    assertThat(past.err()).contains("--expires 2020-01-31: that day has passed");
    Cli notDate =
        run(
            "tokens",
            "create",
            "--data",
            data().toString(),
            "--unit",
            "1",
            "--expires",
            "31/01/2030");
    assertThat(notDate.exit()).isEqualTo(2);
    assertThat(notDate.err()).contains("'31/01/2030' is not a date");
    Cli scope = run("tokens", "create", "--data", data().toString(), "--scope", "admin");
    assertThat(scope.exit()).isEqualTo(2);
    Cli unit = run("tokens", "create", "--data", data().toString(), "--unit", " 21583");
    assertThat(unit.exit()).isEqualTo(2);
    assertThat(unit.err()).contains("--unit ' 21583': expected a unit code of 1 to 64 characters");
    Cli label =
        run("tokens", "create", "--data", data().toString(), "--unit", "1", "--label", "a\u0007b");
    assertThat(label.exit()).isEqualTo(2);
    assertThat(Files.exists(data())).isFalse();
  }

  @Test
  void listShowsTokensOldestFirstWithoutTheirHash() throws Exception {
    String first = create("--unit", "21583", "--label", "Phường Quy Nhơn");
    String second = create("--scope", "read", "--unit", "21607");
    Cli r = run("tokens", "list", "--data", data().toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).split("\\s{2,}"))
        .containsExactly("ID", "SCOPE", "UNIT", "LABEL", "CREATED", "EXPIRES", "REVOKED");
    assertThat(lines.get(1))
        .startsWith(Tokens.idOf(first).orElseThrow() + "  upload  21583")
        .contains("Phường Quy Nhơn");
    assertThat(lines.get(2)).startsWith(Tokens.idOf(second).orElseThrow() + "  read    21607");
    assertThat(r.out())
        .doesNotContain(Tokens.sha256Hex(first))
        .doesNotContain(first.substring(13))
        .doesNotContain(Tokens.sha256Hex(second));
  }

  @Test
  void listAsJson() throws Exception {
    String token = create("--unit", "21583", "--label", "Xã Nhơn Châu");
    run("tokens", "revoke", "--data", data().toString(), Tokens.idOf(token).orElseThrow());
    create("--scope", "read");
    Cli r = run("tokens", "list", "--data", data().toString(), "-f", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode items = new ObjectMapper().readTree(r.out());
    assertThat(items).hasSize(2);
    JsonNode a = items.get(0);
    assertThat(a.get("id").asText()).isEqualTo(Tokens.idOf(token).orElseThrow());
    assertThat(a.get("scope").asText()).isEqualTo("upload");
    assertThat(a.get("unit").asText()).isEqualTo("21583");
    assertThat(a.get("label").asText()).isEqualTo("Xã Nhơn Châu");
    assertThat(Instant.parse(a.get("createdAt").asText())).isBefore(Instant.now().plusSeconds(1));
    assertThat(a.get("expiresAt").isNull()).isTrue();
    assertThat(Instant.parse(a.get("revokedAt").asText()))
        .isAfterOrEqualTo(Instant.parse(a.get("createdAt").asText()));
    assertThat(a.get("active").asBoolean()).isFalse();
    assertThat(items.get(1).get("unit").isNull()).isTrue();
    assertThat(items.get(1).get("active").asBoolean()).isTrue();
    assertThat(a.has("sha256")).isFalse();
    assertThat(r.out()).doesNotContain(Tokens.sha256Hex(token));
  }

  @Test
  void anEmptyListSaysSoOnStderr() {
    Cli r = run("tokens", "list", "--data", data().toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("no tokens yet");
    Cli json = run("tokens", "list", "--data", data().toString(), "--format", "json");
    assertThat(json.out().strip()).isEqualTo("[ ]");
  }

  @Test
  void revokeStopsATokenOnceAndKeepsTheFirstTime() throws Exception {
    String token = create("--unit", "21583");
    String id = Tokens.idOf(token).orElseThrow();
    Cli r = run("tokens", "revoke", "--data", data().toString(), id);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("token " + id + " revoked");
    Instant revokedAt = stored().get(0).revokedAt();
    assertThat(revokedAt).isNotNull();
    assertThat(stored().get(0).activeAt(Instant.now())).isFalse();

    Cli again = run("tokens", "revoke", "--data", data().toString(), id);
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("token " + id + " was already revoked on ");
    assertThat(stored().get(0).revokedAt()).isEqualTo(revokedAt);
  }

  @Test
  void revokingAnUnknownIdExits3AndAMalformedOne2() throws Exception {
    create("--unit", "21583");
    Cli unknown = run("tokens", "revoke", "--data", data().toString(), "zzzzzzzz");
    assertThat(unknown.exit()).isEqualTo(3);
    assertThat(unknown.err()).contains("error: no token has the id zzzzzzzz");
    Cli malformed = run("tokens", "revoke", "--data", data().toString(), "hat_abc");
    assertThat(malformed.exit()).isEqualTo(2);
    assertThat(malformed.err()).contains("'hat_abc' is not a token id");
    assertThat(stored().get(0).revokedAt()).isNull();
  }

  @Test
  void theDataFolderDefaultsToHatangData() throws Exception {
    Path fromEnv = tmp.resolve("from-env");
    Cli r =
        Cli.runWithInput(
            "", Map.of("HATANG_DATA", fromEnv.toString()), "tokens", "create", "--unit", "7");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(fromEnv.resolve("hatang.db")).isRegularFile();
  }

  @Test
  void aStoreThatCannotBeOpenedExits4WithOneLine() throws Exception {
    Path file = tmp.resolve("plain-file");
    Files.writeString(file, "x");
    Cli r = run("tokens", "list", "--data", file.resolve("sub").toString());
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err().strip())
        .startsWith("error: " + file.resolve("sub") + ": cannot use this data folder: ")
        .doesNotContain("\n")
        .doesNotContain("Exception");

    Cli db =
        run("tokens", "list", "--db", "jdbc:postgresql://127.0.0.1:1/x?user=u&password=hunter22");
    assertThat(db.exit()).isEqualTo(4);
    assertThat(db.err())
        .startsWith(
            "error: cannot use the PostgreSQL database jdbc:postgresql://127.0.0.1:1/x?user=u&password=***: ")
        .doesNotContain("hunter22")
        .doesNotContain("\tat ");

    Cli both = run("tokens", "list", "--db", "jdbc:postgresql://h/d", "--data", tmp.toString());
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--data and --db exclude each other");
  }

  @Test
  void vietnamese() throws Exception {
    Cli r = run("tokens", "create", "--data", data().toString(), "--unit", "21583", "--lang", "vi");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("đã tạo token " + Tokens.idOf(r.out().strip()).orElseThrow())
        .contains("Không thể xem lại token ở trên");
    Cli list = run("tokens", "list", "--data", data().toString(), "--lang", "vi");
    assertThat(list.out()).startsWith("MÃ").contains("PHẠM VI").contains("ĐƠN VỊ");
    Cli unknown = run("tokens", "revoke", "--data", data().toString(), "zzzzzzzz", "--lang", "vi");
    assertThat(unknown.err()).contains("lỗi: không có token nào mang mã zzzzzzzz");
  }

  @Test
  void helpNamesTheExitCodes() {
    Cli r = run("tokens", "revoke", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("Exit 3 when no token has this id")
        .contains("--data=DIR")
        .contains("--db=JDBC_URL");
    Cli top = run("--help");
    assertThat(top.out()).contains("tokens");
  }
}
