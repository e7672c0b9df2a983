package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;

class ReportCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  /** The fixtures as snapshots of November 2026, one with a unit name made to run as a formula. */
  private Path snapshots() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    for (String name : List.of("compliant-pc.json", "old-pc.json", "disk-unknown-pc.json")) {
      Files.write(in.resolve(name), Fixtures.bytes(name));
    }
    ObjectNode evil = (ObjectNode) JSON.readTree(Fixtures.bytes("compliant-pc.json"));
    evil.put("snapshotId", "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    ((ObjectNode) evil.get("unit")).put("code", "99001").put("name", "=HYPERLINK(\"x\")");
    ((ObjectNode) evil.get("machine")).put("machineId", "ffff0000ffff0000ffff0000ffff0000");
    Files.write(in.resolve("evil.json"), JSON.writeValueAsBytes(evil));
    return in;
  }

  @Test
  void aMonthsReportInVietnamese() throws Exception {
    Cli r = Cli.run("--lang", "vi", "report", "--period", "2026-11", snapshots().toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("Báo cáo kỳ 2026-11 (từ 01/11/2026 đến 30/11/2026)\n")
        .contains("Bộ tiêu chuẩn vn-basic-it@2025.1: đã đánh giá 4 máy")
        .contains("21583  Phường Quy Nhơn")
        .contains(
            "Tổng hợp: thấy 4 máy trên 0 máy dự kiến; 4 đang báo cáo, 0 dữ liệu cũ, 0 im lặng,");
  }

  @Test
  void theFrozenReportRendersTheSameLater() throws Exception {
    Path in = snapshots();
    Path frozen = dir.resolve("out/2026-11.json");
    Cli json =
        Cli.run(
            "report", "--period", "2026-11", in.toString(), "-f", "json", "-o", frozen.toString());
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.err()).contains("written to " + frozen);
    JsonNode tree = JSON.readTree(frozen.toFile());
    assertThat(tree.get("format").asInt()).isEqualTo(1);
    assertThat(tree.get("standards").get(0).get("sha256").asText()).hasSize(64);
    assertThat(tree.get("machines")).hasSize(4);
    assertThat(tree.get("machines").findValuesAsText("snapshotId")).doesNotHaveDuplicates();
    // The bundled USB catalogue the equipment was counted with is recorded with its SHA-256.
    JsonNode usb = tree.get("inputs").get(0);
    assertThat(usb.get("kind").asText()).isEqualTo("usbItems");
    assertThat(usb.get("name").asText()).isEqualTo("bundled:reference/usb-items.yaml");
    try (var resource = getClass().getResourceAsStream("/standards/reference/usb-items.yaml")) {
      assertThat(usb.get("sha256").asText())
          .isEqualTo(vn.hatang.core.standard.StandardLoader.sha256(resource.readAllBytes()));
    }
    // No temporary file left beside it.
    try (Stream<Path> files = Files.list(frozen.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("2026-11.json");
    }
    Cli direct = Cli.run("--lang", "vi", "report", "--period", "2026-11", in.toString());
    // The snapshots are gone; the frozen report still renders the same table.
    try (Stream<Path> files = Files.list(in)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Cli again = Cli.run("--lang", "vi", "report", "show", frozen.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).isEqualTo(direct.out());
  }

  @Test
  void csvIsOneRowPerUnitWithFormulasNeutralised() throws Exception {
    Cli r = Cli.run("report", "--period", "2026-11", snapshots().toString(), "-f", "csv");
    assertThat(r.exit()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .startsWith("\uFEFFperiod,unit_code,unit_name,level,parent_code,depth,expected,seen,");
    assertThat(r.out()).contains("\r\n");
    assertThat(lines)
        .anyMatch(
            l ->
                l.startsWith(
                    "2026-11,21583,Phường Quy Nhơn,commune,,0,0,2,2,0,0,0,1,0,1,0,1,50,,"));
    assertThat(lines).anyMatch(l -> l.startsWith("2026-11,99001,\"'=HYPERLINK(\"\"x\"\")\","));
  }

  @Test
  void aScannerOnUsbCountsForTheUnitThroughTheBundledCatalogue() throws Exception {
    Path in = dir.resolve("scan");
    Files.createDirectories(in);
    ObjectNode pc = (ObjectNode) JSON.readTree(Fixtures.bytes("compliant-pc.json"));
    Files.write(in.resolve("without.json"), JSON.writeValueAsBytes(pc));
    String[] args = {
      "report",
      "--period",
      "2026-11",
      in.toString(),
      "--standard",
      "vn-basic-it@2027.1",
      "-f",
      "json"
    };
    assertThat(scannerCheck(Cli.run(args)).path("measured").asDouble()).isZero();

    // HP ScanJet 4100c (03f0:0101 in usb.ids): a scanner, though HP makes printers too.
    ((com.fasterxml.jackson.databind.node.ArrayNode) pc.get("peripherals").get("usbDevices"))
        .addObject()
        .put("name", "ScanJet 4100c")
        .put("vendor", "HP")
        .put("vendorId", "03f0")
        .put("productId", "0101")
        .putNull("serial");
    Files.write(in.resolve("without.json"), JSON.writeValueAsBytes(pc));
    com.fasterxml.jackson.databind.JsonNode scanner = scannerCheck(Cli.run(args));
    assertThat(scanner.path("measured").asDouble()).isEqualTo(1.0);
    assertThat(scanner.path("state").asText()).isEqualTo("PASS");
  }

  @Test
  void aProvincesOwnUsbItemsAddToTheCatalogueAndABadFileStopsTheRun() throws Exception {
    Path in = dir.resolve("own");
    Files.createDirectories(in);
    ObjectNode pc = (ObjectNode) JSON.readTree(Fixtures.bytes("compliant-pc.json"));
    ((com.fasterxml.jackson.databind.node.ArrayNode) pc.get("peripherals").get("usbDevices"))
        .addObject()
        .put("name", "Máy quét nội địa")
        .put("vendor", "Local")
        .put("vendorId", "1d6b")
        .put("productId", "5678")
        .putNull("serial");
    Files.write(in.resolve("pc.json"), JSON.writeValueAsBytes(pc));
    Path own = dir.resolve("usb.yaml");
    Files.writeString(own, "items:\n  - {id: \"1d6b:5678\", item: scanner, name: \"Máy quét\"}\n");
    Cli r =
        Cli.run(
            "report",
            "--period",
            "2026-11",
            in.toString(),
            "--standard",
            "vn-basic-it@2027.1",
            "--usb-items",
            own.toString(),
            "-f",
            "json");
    assertThat(scannerCheck(r).path("measured").asDouble()).isEqualTo(1.0);
    assertThat(r.out()).contains("usbItems");

    Files.writeString(own, "items:\n  - {id: \"1D6B\", item: scanner}\n");
    Cli bad =
        Cli.run(
            "--lang",
            "en",
            "report",
            "--period",
            "2026-11",
            in.toString(),
            "--usb-items",
            own.toString());
    assertThat(bad.exit()).isEqualTo(3);
    assertThat(bad.err())
        .contains(own + ":2:")
        .contains("'1D6B' is not a USB id")
        .contains("the USB items file has problems");
  }

  private static com.fasterxml.jackson.databind.JsonNode scannerCheck(Cli r) throws Exception {
    assertThat(r.err()).doesNotContain("error");
    for (com.fasterxml.jackson.databind.JsonNode n :
        JSON.readTree(r.out()).findParents("checkId")) {
      if (n.path("checkId").asText().equals("unit.scanner")) {
        return n;
      }
    }
    throw new AssertionError("no unit.scanner in " + r.out());
  }

  @Test
  void badInputsAreNamedAndTheOthersStillCounted() throws Exception {
    Path in = snapshots();
    Files.writeString(
        in.resolve("broken.json"), "{\"schemaVersion\": 1,\n  oops}", StandardCharsets.UTF_8);
    Cli r = Cli.run("report", "--period", "2026-11", in.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("broken.json:2:3: ");
    assertThat(r.out()).contains("4 machine(s) seen");
  }

  @Test
  void periodsAndUsage() throws Exception {
    Path in = snapshots();
    Cli bad = Cli.run("report", "--period", "2026-13", in.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err())
        .contains("--period 2026-13: expected a month YYYY-MM, a quarter YYYY-Qn or a year YYYY");
    assertThat(Cli.run("report", in.toString()).exit()).isEqualTo(2);
    // October has none of them; the November snapshots are counted as after the period.
    Cli oct = Cli.run("report", "--period", "2026-10", in.toString());
    assertThat(oct.exit()).isZero();
    assertThat(oct.err()).contains("note: 4 snapshot(s) taken after 2026-10 were left out");
    assertThat(oct.out()).contains("0 machine(s) seen of 0 expected");
    // The year: all four, judged on the year's last day.
    Cli year = Cli.run("report", "--period", "2026", in.toString(), "--level", "commune");
    assertThat(year.out()).contains("Report for 2026 (2026-01-01 to 2026-12-31)");
    Cli unreadable = Cli.run("report", "show", in.resolve("old-pc.json").toString());
    assertThat(unreadable.exit()).isEqualTo(3);
    assertThat(unreadable.err()).contains("old-pc.json: not a hatang report: ");
  }

  @Test
  void withTheUnitsOfProvince52OldCodesFollowTheirSuccessors() throws Exception {
    Path in = snapshots();
    // A PC still configured with the old ward 21562 (merged into 21583 on 2025-07-01), seen in
    // June 2025 and silent since.
    ObjectNode old = (ObjectNode) JSON.readTree(Fixtures.bytes("compliant-pc.json"));
    old.put("snapshotId", "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    old.put("takenAt", "2025-06-20T09:00:00+07:00");
    ((ObjectNode) old.get("unit")).put("code", "21562");
    ((ObjectNode) old.get("machine")).put("machineId", "eeee0000eeee0000eeee0000eeee0000");
    Files.write(in.resolve("old-ward.json"), JSON.writeValueAsBytes(old));
    Cli r =
        Cli.run(
            "report",
            "--period",
            "2026-11",
            in.toString(),
            "--units",
            "bundled:units/52.yaml",
            "-f",
            "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode report = JSON.readTree(r.out());
    JsonNode units = report.get("units");
    // The province and its 58 commune-level units valid at the end of November 2026.
    assertThat(units).hasSize(59);
    assertThat(units.get(0).get("code").asText()).isEqualTo("52");
    JsonNode quyNhon = null;
    for (JsonNode u : units) {
      if (u.get("code").asText().equals("21583")) {
        quyNhon = u;
      }
    }
    assertThat(quyNhon.get("head").asText()).startsWith("Nguyễn Văn A");
    // The frozen report names the units file it rests on, with its SHA-256.
    assertThat(report.at("/inputs/0/kind").asText()).isEqualTo("units");
    assertThat(report.at("/inputs/0/name").asText()).isEqualTo("bundled:units/52.yaml");
    assertThat(report.at("/inputs/0/sha256").asText()).matches("[0-9a-f]{64}");
    // Two PCs of the ward report; the old ward's PC counts here, silent; 40 expected.
    assertThat(quyNhon.at("/own/seen").asInt()).isEqualTo(3);
    assertThat(quyNhon.at("/own/missing").asInt()).isEqualTo(1);
    assertThat(quyNhon.at("/own/expected").asInt()).isEqualTo(40);
    assertThat(quyNhon.at("/own/neverSeen").asInt()).isEqualTo(37);
    // 99001 is no unit of the province: listed with its machine, not dropped.
    assertThat(report.at("/unresolved/0/code").asText()).isEqualTo("99001");
    assertThat(report.at("/unresolved/0/machines").asInt()).isEqualTo(1);
    Cli bad = Cli.run("report", "--period", "2026-11", in.toString(), "--units", "nope.yaml");
    assertThat(bad.exit()).isEqualTo(3);
  }

  @Test
  void diffBetweenTwoFrozenReports() throws Exception {
    Path in = snapshots();
    Path oct = dir.resolve("2026-10.json");
    Path nov = dir.resolve("2026-11.json");
    // October saw none of them (all taken in November); November sees all four.
    assertThat(
            Cli.run(
                    "report",
                    "--period",
                    "2026-10",
                    in.toString(),
                    "-f",
                    "json",
                    "-o",
                    oct.toString())
                .exit())
        .isZero();
    assertThat(
            Cli.run(
                    "report",
                    "--period",
                    "2026-11",
                    in.toString(),
                    "-f",
                    "json",
                    "-o",
                    nov.toString())
                .exit())
        .isZero();
    Cli r = Cli.run("--lang", "vi", "report", "diff", oct.toString(), nov.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("Thay đổi từ kỳ 2026-10 đến kỳ 2026-11\n")
        .contains("Máy mới: 4");
    Cli csv = Cli.run("report", "diff", oct.toString(), nov.toString(), "-f", "csv");
    assertThat(csv.out().lines().filter(l -> l.startsWith("2026-10,2026-11,added,"))).hasSize(4);
    assertThat(csv.out())
        .contains(
            "2026-10,2026-11,appeared,21607,,c0ffee00112233445566778899aabbcc,NC-KETOAN,ram.min,,\r\n");
  }
}
