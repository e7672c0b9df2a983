package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;

class PlanCommandTest {
  @TempDir Path dir;

  private Path snapshots() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    for (String name : List.of("compliant-pc.json", "old-pc.json", "disk-unknown-pc.json")) {
      Files.write(in.resolve(name), Fixtures.bytes(name));
    }
    return in;
  }

  @Test
  void aPlanFromSnapshotsInVietnamese() throws Exception {
    Cli r =
        Cli.run(
            "--lang",
            "vi",
            "plan",
            "--period",
            "2026-11",
            "--date",
            "2026-12-01",
            snapshots().toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith(
            "Kế hoạch khắc phục cho kỳ 2026-11, lập ngày 01/12/2026 (đơn giá và thời hạn theo"
                + " vn-basic-it@2025.1)")
        .contains("21607 Xã Nhơn Châu — người chịu trách nhiệm: (chưa có trong tệp đơn vị)")
        .contains("Thay máy tính mới (trần giá QĐ 50/2017)")
        .contains("31/12/2026")
        .contains("Tổng của đơn vị: 17.750.000 ₫")
        .contains("Dự toán kinh phí: ");
  }

  @Test
  void fromAFrozenReportTheSamePlan() throws Exception {
    Path in = snapshots();
    Path frozen = dir.resolve("2026-11.json");
    assertThat(
            Cli.run(
                    "report",
                    "--period",
                    "2026-11",
                    in.toString(),
                    "-f",
                    "json",
                    "-o",
                    frozen.toString())
                .exit())
        .isZero();
    Cli direct =
        Cli.run("plan", "--period", "2026-11", "--date", "2026-12-01", in.toString(), "-f", "json");
    Cli fromReport =
        Cli.run("plan", "--report", frozen.toString(), "--date", "2026-12-01", "-f", "json");
    assertThat(fromReport.exit()).as(fromReport.err()).isZero();
    assertThat(fromReport.out()).isEqualTo(direct.out());
    JsonNode plan = new ObjectMapper().readTree(direct.out());
    assertThat(plan.get("format").asInt()).isEqualTo(1);
    assertThat(plan.get("currency").asText()).isEqualTo("VND");
    long sum = 0;
    for (JsonNode u : plan.get("units")) {
      sum += u.get("total").asLong();
    }
    assertThat(plan.get("total").asLong()).isEqualTo(sum).isGreaterThanOrEqualTo(17_750_000L);
  }

  @Test
  void csvAndUsage() throws Exception {
    Path in = snapshots();
    Cli csv =
        Cli.run("plan", "--period", "2026-11", "--date", "2026-12-01", in.toString(), "-f", "csv");
    assertThat(csv.out())
        .contains(
            "2026-11,21607,Xã Nhơn Châu,,21607/internet-upgrade-month,\"Higher internet plan,"
                + " difference per month\",internet-upgrade-month,1,200000,12,2400000,VND,high,");
    Cli both = Cli.run("plan", "--report", "x.json", "--period", "2026-11");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("give --report or the report's inputs");
    Cli missing = Cli.run("plan", "--report", dir.resolve("none.json").toString());
    assertThat(missing.exit()).isEqualTo(3);
  }

  @Test
  void reviewADraftThatForgetsTheAntivirus() throws Exception {
    Path in = snapshots();
    Path report = dir.resolve("2026-11.json");
    Path draft = dir.resolve("draft.json");
    assertThat(
            Cli.run(
                    "report",
                    "--period",
                    "2026-11",
                    in.toString(),
                    "-f",
                    "json",
                    "-o",
                    report.toString())
                .exit())
        .isZero();
    assertThat(
            Cli.run(
                    "plan",
                    "--report",
                    report.toString(),
                    "--date",
                    "2026-12-01",
                    "-f",
                    "json",
                    "-o",
                    draft.toString())
                .exit())
        .isZero();
    // The unit drops the antivirus item from its draft.
    com.fasterxml.jackson.databind.node.ObjectNode plan =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new ObjectMapper().readTree(draft.toFile());
    for (JsonNode u : plan.get("units")) {
      com.fasterxml.jackson.databind.node.ArrayNode items =
          (com.fasterxml.jackson.databind.node.ArrayNode) u.get("items");
      for (int i = items.size() - 1; i >= 0; i--) {
        if ("antivirus-licence-1y".equals(items.get(i).path("costKey").asText())) {
          items.remove(i);
        }
      }
    }
    Files.write(draft, new ObjectMapper().writeValueAsBytes(plan));
    Cli r =
        Cli.run("--lang", "vi", "plan", "review", draft.toString(), "--report", report.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("Dự thảo của 21607 Xã Nhơn Châu: khắc phục 93,8 % tồn tại (15 trên 16)")
        .contains("Tồn tại chưa có hạng mục khắc phục:")
        .contains("antivirus.active")
        .contains("Hạng mục còn thiếu thông tin để phê duyệt:")
        .contains("người chịu trách nhiệm");
    // A key mistyped in the draft is an error, not an item silently lost.
    Files.writeString(draft, Files.readString(draft).replaceFirst("\"quantity\"", "\"quantty\""));
    Cli typo = Cli.run("plan", "review", draft.toString(), "--report", report.toString());
    assertThat(typo.exit()).isEqualTo(3);
    assertThat(typo.err())
        .contains("draft.json: not a hatang plan: 1:")
        .contains(": $.units[1].items[0].quantity: ");
  }

  @Test
  void progressOfAnAdoptedPlan() throws Exception {
    Path in = snapshots();
    Path report = dir.resolve("2026-11.json");
    Path adopted = dir.resolve("adopted.json");
    assertThat(
            Cli.run(
                    "report",
                    "--period",
                    "2026-11",
                    in.toString(),
                    "-f",
                    "json",
                    "-o",
                    report.toString())
                .exit())
        .isZero();
    assertThat(
            Cli.run(
                    "plan",
                    "--report",
                    report.toString(),
                    "--date",
                    "2026-10-01",
                    "-f",
                    "json",
                    "-o",
                    adopted.toString())
                .exit())
        .isZero();
    // Measured by the same report: nothing cleared yet; the critical item's 30 days have passed.
    Cli r =
        Cli.run(
            "--lang", "vi", "plan", "progress", adopted.toString(), "--report", report.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("Tiến độ kế hoạch theo báo cáo kỳ 2026-11\n")
        .contains("21607 Xã Nhơn Châu: hoàn thành 0 trên 3 hạng mục (0 %), 1 quá hạn")
        .contains("21607/pc-replacement")
        .contains("quá hạn");
    Cli csv =
        Cli.run("plan", "progress", adopted.toString(), "--report", report.toString(), "-f", "csv");
    assertThat(csv.out())
        .contains("2026-11,21607,21607/pc-replacement,2026-10-31,1,0,false,true\r\n");
  }
}
