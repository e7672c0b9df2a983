package vn.hatang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;

/** {@code hatang check --waivers FILE}: real files, in-process. */
class CheckWaiversTest {
  static final String COMPLIANT_ID = "5f0c9e3b8a7d4c2e1f0a9b8c7d6e5f40";

  @TempDir Path dir;

  /** The compliant PC with TPM 1.2: its only failure is {@code tpm.version}. */
  Path tpm12Pc() throws Exception {
    String json = new String(Fixtures.bytes("compliant-pc.json"), StandardCharsets.UTF_8);
    String changed = json.replace("\"tpmVersion\": \"2.0\"", "\"tpmVersion\": \"1.2\"");
    assertThat(changed).isNotEqualTo(json);
    Path p = dir.resolve("tpm12.json");
    Files.writeString(p, changed, StandardCharsets.UTF_8);
    return p;
  }

  Path waivers(String approvedOn, String expires) throws Exception {
    Path p = dir.resolve("waivers.yaml");
    Files.writeString(
        p,
        """
        - check: tpm.version
          scope: machine
          target: %s
          justification: Bo mạch cũ chỉ có TPM 1.2; thay máy quý 1/2027
          approvedBy: Nguyễn Văn A
          approvedOn: %s
          expires: %s
          planItem: QN-2027-03
        """
            .formatted(COMPLIANT_ID, approvedOn, expires),
        StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void withoutWaiversTheMachineFails() throws Exception {
    Cli r = Cli.run("check", tpm12Pc().toString(), "--date", "2026-11-25");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("QN-VANTHU-01  FAIL");
  }

  @Test
  void aMachineWhoseOnlyFailureIsWaivedExitsZero() throws Exception {
    Path w = waivers("2026-11-01", "2027-03-31");
    Cli r =
        Cli.run("check", tpm12Pc().toString(), "--date", "2026-11-25", "--waivers", w.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("VERDICT  PASS  FAIL  WAIVED")
        .contains("QN-VANTHU-01  WAIVED     24     0       1        0    0")
        .contains(
            "Waived: TPM 2.0 (approved by Nguyễn Văn A on 2026-11-01, until 2027-03-31): Bo mạch"
                + " cũ chỉ có TPM 1.2; thay máy quý 1/2027 [plan item QN-2027-03]")
        .contains("1 machine(s): 0 compliant, 1 compliant with waivers, 0 with deficiencies");
    // --strict makes UNKNOWN fail, never WAIVED.
    assertThat(
            Cli.run(
                    "check",
                    tpm12Pc().toString(),
                    "--date",
                    "2026-11-25",
                    "--waivers",
                    w.toString(),
                    "--strict")
                .exit())
        .isZero();
  }

  @Test
  void jsonCarriesTheWaiver() throws Exception {
    Path w = waivers("2026-11-01", "2027-03-31");
    Cli r =
        Cli.run(
            "check",
            tpm12Pc().toString(),
            "--date",
            "2026-11-25",
            "--waivers",
            w.toString(),
            "-f",
            "json",
            "--lang",
            "vi");
    assertThat(r.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.at("/summary/waived").asInt()).isEqualTo(1);
    assertThat(json.at("/machines/0/verdict").asText()).isEqualTo("WAIVED");
    JsonNode tpm = null;
    for (JsonNode f : json.at("/machines/0/findings")) {
      if (f.get("checkId").asText().equals("tpm.version")) {
        tpm = f;
      }
    }
    assertThat(tpm.get("state").asText()).isEqualTo("WAIVED");
    assertThat(tpm.get("measured").asText()).isEqualTo("1.2");
    assertThat(tpm.at("/waiver/status").asText()).isEqualTo("applied");
    assertThat(tpm.at("/waiver/approvedBy").asText()).isEqualTo("Nguyễn Văn A");
    assertThat(tpm.at("/waiver/expires").asText()).isEqualTo("2027-03-31");
    assertThat(tpm.at("/waiver/planItem").asText()).isEqualTo("QN-2027-03");
    assertThat(tpm.at("/waiver/place").asText()).isEqualTo(w + ":1:3");
  }

  @Test
  void anExpiredWaiverFailsAgainWithANotice() throws Exception {
    Path w = waivers("2026-06-01", "2026-10-31");
    Cli r =
        Cli.run("check", tpm12Pc().toString(), "--date", "2026-11-25", "--waivers", w.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("QN-VANTHU-01  FAIL")
        .contains(
            "Waiver expired (last day 2026-10-31): TPM 2.0 (approved by Nguyễn Văn A) counts as"
                + " FAIL again");
    assertThat(r.err())
        .isEqualTo(
            w
                + ":1:3: waiver of 'tpm.version' for machine "
                + COMPLIANT_ID
                + " expired (last day 2026-10-31): 1 finding(s) count as FAIL again"
                + System.lineSeparator());
    // On its last day it still applies.
    assertThat(
            Cli.run(
                    "check",
                    tpm12Pc().toString(),
                    "--date",
                    "2026-10-31",
                    "--waivers",
                    w.toString())
                .exit())
        .isZero();
  }

  @Test
  void aWaiverNotYetApprovedDoesNotApply() throws Exception {
    Path w = waivers("2026-12-01", "2027-03-31");
    Cli r =
        Cli.run("check", tpm12Pc().toString(), "--date", "2026-11-25", "--waivers", w.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("QN-VANTHU-01  FAIL").doesNotContain("Waive");
  }

  @Test
  void aUnitWaiverCoversTheUnitsMachines() throws Exception {
    Path w = dir.resolve("unit.yaml");
    Files.writeString(
        w,
        """
        - {check: tpm.version, scope: unit, target: "21583", justification: chờ thay máy,
           approvedBy: B, approvedOn: 2026-11-01, expires: 2026-12-31}
        """,
        StandardCharsets.UTF_8);
    Cli r =
        Cli.run(
            "check",
            tpm12Pc().toString(),
            "--date",
            "2026-11-25",
            "--waivers",
            w.toString(),
            "-f",
            "csv");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(",tpm.version,TPM 2.0,WAIVED,")
        .contains(",applied,unit,21583,B,2026-11-01,2026-12-31,chờ thay máy,");
  }

  @Test
  void aMalformedWaiversFileStopsTheRunWithItsPlace() throws Exception {
    Path w = dir.resolve("bad.yaml");
    Files.writeString(
        w,
        """
        - check: tpm.version
          scope: machine
          target: x
          approvedBy: A
          approvedOn: 2026-11-01
          expires: 2026-31-12
        """,
        StandardCharsets.UTF_8);
    Cli r =
        Cli.run("check", tpm12Pc().toString(), "--date", "2026-11-25", "--waivers", w.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains(w + ":1:3: missing 'justification'")
        .contains(w + ":6:12: expected a date YYYY-MM-DD, found '2026-31-12'")
        .contains("error: the waivers file " + w + " cannot be used: nothing was judged");
  }

  @Test
  void anUnknownCheckIdStopsTheRunInVietnameseToo() throws Exception {
    Path w = waivers("2026-11-01", "2027-03-31");
    Files.writeString(
        w,
        Files.readString(w, StandardCharsets.UTF_8).replace("tpm.version", "tpm.ver"),
        StandardCharsets.UTF_8);
    Cli r =
        Cli.run(
            "check",
            tpm12Pc().toString(),
            "--date",
            "2026-11-25",
            "--waivers",
            w.toString(),
            "--lang",
            "vi");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains(w + ":1:10: tiêu chí 'tpm.ver' không có trong bộ tiêu chuẩn này");
  }

  @Test
  void aMissingWaiversFileIsInvalidInput() throws Exception {
    Cli r =
        Cli.run(
            "check",
            tpm12Pc().toString(),
            "--date",
            "2026-11-25",
            "--waivers",
            dir.resolve("none.yaml").toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains(dir.resolve("none.yaml") + ": cannot read: ");
  }
}
