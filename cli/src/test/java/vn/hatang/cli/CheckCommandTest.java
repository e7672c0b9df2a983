package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;

class CheckCommandTest {
  @TempDir Path dir;

  Path fixture(String name) throws Exception {
    Files.createDirectories(dir);
    Path p = dir.resolve(name);
    Files.write(p, Fixtures.bytes(name));
    return p;
  }

  @Test
  void compliantPcExitsZero() throws Exception {
    Cli r = Cli.run("check", fixture("compliant-pc.json").toString(), "--date", "2026-11-25");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("QN-VANTHU-01")
        .contains("PASS")
        .contains("1 compliant, 0 with deficiencies");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void deficienciesExitOneAndListShortfalls() throws Exception {
    Cli r = Cli.run("check", fixture("old-pc.json").toString(), "--date", "2026-11-25");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("Deficiencies: NC-KETOAN (21607 Xã Nhơn Châu)")
        .contains("6 GiB short");
  }

  @Test
  void strictCountsUnknownAsFailing() throws Exception {
    String p = fixture("disk-unknown-pc.json").toString();
    assertThat(Cli.run("check", p, "--date", "2026-11-25").exit()).isZero();
    assertThat(Cli.run("check", p, "--date", "2026-11-25", "--strict").exit()).isEqualTo(1);
  }

  @Test
  void badInputsExitThreeButEveryGoodInputIsStillJudged() throws Exception {
    fixture("compliant-pc.json");
    fixture("old-pc.json");
    fixture("malformed.json");
    fixture("future-version.json");
    Cli r =
        Cli.run(
            "check",
            dir.toString(),
            dir.resolve("nope.json").toString(),
            "--date",
            "2026-11-25",
            "-f",
            "json");
    assertThat(r.exit()).isEqualTo(3);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.at("/summary/machines").asInt()).isEqualTo(2);
    assertThat(json.at("/summary/invalidInputs").asInt()).isEqualTo(3);
    assertThat(r.err())
        .contains(dir.resolve("malformed.json") + ":5:3: not valid JSON")
        .contains(
            dir.resolve("future-version.json") + ":$.schemaVersion: schema version 2 is newer")
        .contains("nope.json: no such file or folder");
  }

  @Test
  void readsStandardInput() throws Exception {
    String snap = new String(Fixtures.bytes("compliant-pc.json"), StandardCharsets.UTF_8);
    Cli r = Cli.runWithInput(snap, Map.of(), "check", "-", "--date", "2026-11-25", "-f", "csv");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("\uFEFFunit_code,").contains(",<stdin>,PASS,ram.min,");
  }

  @Test
  void vietnameseFromTheEnvironmentOrFlag() throws Exception {
    String p = fixture("old-pc.json").toString();
    Cli env =
        Cli.runWithInput("", Map.of("LANG", "vi_VN.UTF-8"), "check", p, "--date", "2026-11-25");
    assertThat(env.out()).contains("KHÔNG ĐẠT").contains("thiếu 6 GiB").contains("650.000 ₫");
    Cli flag =
        Cli.runWithInput(
            "", Map.of("LANG", "vi_VN.UTF-8"), "check", p, "--date", "2026-11-25", "--lang", "en");
    assertThat(flag.out()).contains("6 GiB short");
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    assertThat(Cli.run("check").exit()).isEqualTo(2);
    Cli bad = Cli.run("check", "x.json", "--format", "xml");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("error:").contains("--format");
    assertThat(Cli.run("check", "x.json", "--lang", "fr").exit()).isEqualTo(2);
  }

  @Test
  void unknownStandardIsInvalidInput() throws Exception {
    Cli r = Cli.run("check", fixture("compliant-pc.json").toString(), "--standard", "nope@1");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("no standard 'nope'");
  }

  @Test
  void helpListsTheExitCodes() {
    Cli r = Cli.run("check", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Exit codes:").contains("3   invalid input");
    Cli vi = Cli.run("--help", "--lang", "vi");
    assertThat(vi.out()).contains("Mã thoát:").contains("hạ tầng CNTT cơ bản");
  }

  @Test
  void nothingToJudgeIsInvalidInputNotCompliant() throws Exception {
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    Cli r = Cli.run("check", empty.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("no snapshot (*.json) found");
  }

  @Test
  void theSameSnapshotNamedTwiceIsJudgedOnce() throws Exception {
    Path p = fixture("old-pc.json");
    Cli r = Cli.run("check", dir.toString(), p.toString(), "--date", "2026-11-25", "-f", "json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(r.out()).at("/summary/machines").asInt()).isEqualTo(1);
    assertThat(r.err())
        .contains("skipped: snapshot 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d was already read");
  }

  @Test
  void usageErrorsAreInTheReadersLanguage() {
    Cli r = Cli.run("check", "--lang", "vi");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("lỗi: không có gì để kiểm tra: hãy cho tệp hoặc thư mục");
    Cli date = Cli.run("check", "x.json", "--date", "2026-13-01");
    assertThat(date.err()).contains("'2026-13-01' is not a date: expected YYYY-MM-DD");
    Cli none = Cli.run();
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("Usage: hatang");
    assertThat(Cli.run("standards", "list", "--lang", "vi").out()).contains("PHIÊN BẢN");
  }

  @Test
  void aStandardNotYetInForceIsPointedOutAndStaleSnapshotsCounted() throws Exception {
    Path p = fixture("compliant-pc.json");
    Cli early = Cli.run("check", p.toString(), "--date", "2025-06-30", "-f", "json");
    assertThat(early.err())
        .contains("note: standard vn-basic-it@2025.1 is in force from 2025-07-01");
    // Taken on 2026-11-20: 41 days later it is older than the standard's 35-day freshness.
    Cli late = Cli.run("check", p.toString(), "--date", "2026-12-31");
    assertThat(late.out()).contains("41 (stale)").contains("1 snapshot(s) older than 35 days");
  }
}
