package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;

/** Scores, and two versions of a standard each judging the snapshots of its own time. */
class ScoreCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  /** vn-basic-it 2026.1 (in force from 2026-01-01): 2025.1 with a score block. */
  private Path standards() throws Exception {
    Path std = dir.resolve("std");
    Path ref = std.resolve("reference");
    Files.createDirectories(ref);
    for (String n : List.of("os-lifecycle.yaml", "cpu-generations.yaml", "prices-vnd-2025.yaml")) {
      Files.copy(Fixtures.standardsDir().resolve("reference").resolve(n), ref.resolve(n));
    }
    Files.createDirectories(std.resolve("vn-basic-it"));
    String text =
        Files.readString(Fixtures.standardsDir().resolve("vn-basic-it/2025.1.yaml"))
            .replace("version: \"2025.1\"", "version: \"2026.1\"")
            .replace("supersedes: null", "supersedes: \"2025.1\"")
            .replace("effectiveFrom: 2025-07-01", "effectiveFrom: 2026-01-01");
    text +=
        """
        score:
          title: {vi: "Chỉ số CCHC: hạ tầng CNTT", en: "PAR index: IT infrastructure"}
          levels: [commune]
          criteria:
            - id: pcs
              title: {vi: "Máy đạt chuẩn", en: "Compliant PCs"}
              points: 2
              formula: ratio
              metric: unit.machines.compliantPercent
            - id: ram
              title: {vi: "RAM 8 GiB", en: "RAM 8 GiB"}
              points: 1
              formula: threshold
              check: ram.min
              op: ">="
              threshold: 80
        """;
    Files.writeString(std.resolve("vn-basic-it/2026.1.yaml"), text);
    return std;
  }

  private Path snapshots() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    for (String name : List.of("compliant-pc.json", "old-pc.json", "disk-unknown-pc.json")) {
      Files.write(in.resolve(name), Fixtures.bytes(name));
    }
    // The compliant PC's snapshot of December 2025, before 2026.1 was in force.
    ObjectNode dec = (ObjectNode) JSON.readTree(Fixtures.bytes("compliant-pc.json"));
    dec.put("snapshotId", "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    dec.put("takenAt", "2025-12-01T09:00:00+07:00");
    ((ObjectNode) dec.get("machine")).put("machineId", "dddd0000dddd0000dddd0000dddd0000");
    Files.write(in.resolve("dec-2025.json"), JSON.writeValueAsBytes(dec));
    return in;
  }

  @Test
  void eachSnapshotIsJudgedByTheVersionInForceOnItsDate() throws Exception {
    Cli r =
        Cli.run(
            "report",
            "--period",
            "2026",
            snapshots().toString(),
            "--standards-dir",
            standards().toString(),
            "-f",
            "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode report = JSON.readTree(r.out());
    assertThat(report.get("unitStandard").asText()).isEqualTo("vn-basic-it@2026.1");
    assertThat(report.get("standards")).hasSize(2);
    assertThat(report.at("/standards/0/ref").asText()).isEqualTo("vn-basic-it@2025.1");
    assertThat(report.at("/standards/0/machines").asInt()).isEqualTo(1);
    assertThat(report.at("/standards/1/ref").asText()).isEqualTo("vn-basic-it@2026.1");
    assertThat(report.at("/standards/1/machines").asInt()).isEqualTo(3);
    // Judged in a table, the versions are named.
    Cli table =
        Cli.run(
            "report",
            "--period",
            "2026",
            snapshots().toString(),
            "--standards-dir",
            dir.resolve("std").toString());
    assertThat(table.out())
        .contains("Standard vn-basic-it@2025.1: judged 1 machine(s)")
        .contains("Standard vn-basic-it@2026.1: judged 3 machine(s)");
  }

  @Test
  void scoresRankedWithTheirBreakdown() throws Exception {
    Path in = snapshots();
    Path std = standards();
    Cli r =
        Cli.run(
            "--lang",
            "vi",
            "score",
            "--period",
            "2026-11",
            in.toString(),
            "--standards-dir",
            std.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("Điểm chỉ số cải cách hành chính kỳ 2026-11 (vn-basic-it@2026.1)")
        .contains("pcs: Máy đạt chuẩn (tối đa 2 điểm)");
    Cli csv =
        Cli.run(
            "score",
            "--period",
            "2026-11",
            in.toString(),
            "--standards-dir",
            std.toString(),
            "-f",
            "csv");
    // 21607 has one old PC: no compliant PC, ram.min failed.
    assertThat(csv.out()).contains("2026-11,21607,Xã Nhơn Châu,commune,2,pcs,0,0,2,0\r\n");
    Cli page =
        Cli.run(
            "--lang",
            "vi",
            "score",
            "--period",
            "2026-11",
            in.toString(),
            "--standards-dir",
            std.toString(),
            "-f",
            "html");
    assertThat(page.exit()).as(page.err()).isZero();
    assertThat(page.out())
        .startsWith("<!DOCTYPE html>")
        .contains("Xã Nhơn Châu")
        .contains("<title>Điểm theo đơn vị</title>");
    // The bundled standard has no score: a clear error.
    Cli none = Cli.run("score", "--period", "2026-11", in.toString());
    assertThat(none.exit()).isEqualTo(3);
    assertThat(none.err()).contains("standard vn-basic-it@2025.1 declares no score");
  }
}
