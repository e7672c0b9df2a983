package vn.hatang.core.waiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.standard.Problem;
import vn.hatang.core.standard.Standard;

class WaiversLoaderTest {
  static final Standard STD = Fixtures.defaultStandard();
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path f = dir.resolve("waivers.yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return f;
  }

  private List<String> problems(String yaml) throws IOException {
    Path f = write(yaml);
    try {
      WaiversLoader.load(f, "waivers.yaml", STD);
    } catch (WaiversException e) {
      Messages m = Messages.of(java.util.Locale.ENGLISH);
      return e.problems().stream()
          .map(p -> p.place() + ": " + m.get(p.key(), p.args().toArray()))
          .toList();
    }
    throw new AssertionError("accepted: " + yaml);
  }

  static final String ONE =
      """
      - check: tpm.version
        scope: machine
        target: c0ffee00112233445566778899aabbcc
        justification: old tax software
        approvedBy: Trần Thị B
        approvedOn: 2026-10-01
        expires: 2026-12-31
        planItem: NC-2027-01
      """;

  @Test
  void readsEveryField() throws Exception {
    Waivers w = WaiversLoader.load(write(ONE), "waivers.yaml", STD);
    assertThat(w.all()).hasSize(1);
    Waiver x = w.all().get(0);
    assertThat(x.checkId()).isEqualTo("tpm.version");
    assertThat(x.scope()).isEqualTo(Waiver.Scope.MACHINE);
    assertThat(x.target()).isEqualTo("c0ffee00112233445566778899aabbcc");
    assertThat(x.justification()).isEqualTo("old tax software");
    assertThat(x.approvedBy()).isEqualTo("Trần Thị B");
    assertThat(x.approvedOn()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(x.expires()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(x.planItem()).isEqualTo("NC-2027-01");
    assertThat(x.place()).isEqualTo("waivers.yaml:1:3");
  }

  @Test
  void unitCodesWrittenAsNumbersStayText() throws Exception {
    Waivers w =
        WaiversLoader.load(
            write(
                ONE.replace("scope: machine", "scope: unit")
                    .replace("c0ffee00112233445566778899aabbcc", "021583")),
            "w",
            STD);
    assertThat(w.all().get(0).target()).isEqualTo("021583");
    assertThat(w.all().get(0).scope()).isEqualTo(Waiver.Scope.UNIT);
  }

  @Test
  void emptyListIsNoWaivers() throws Exception {
    assertThat(WaiversLoader.load(write("[]\n"), "w", STD).isEmpty()).isTrue();
  }

  @Test
  void brokenYamlIsReportedAtItsPlace() throws Exception {
    assertThat(problems("- check: tpm.version\n  scope: [machine\n"))
        .singleElement()
        .asString()
        .startsWith("waivers.yaml:3:1: not valid YAML");
  }

  @Test
  void unknownCheckIdIsAnErrorAtTheValue() throws Exception {
    assertThat(problems(ONE.replace("tpm.version", "tpm.versoin")))
        .singleElement()
        .asString()
        .startsWith("waivers.yaml:1:10: unknown check 'tpm.versoin' in this standard (its checks: ")
        .contains("tpm.version");
  }

  @Test
  void everyProblemIsReportedWithItsLineAndColumn() throws Exception {
    String yaml =
        ONE
            + """
            - check: ram.min
              scope: office
              target: x
              approvedBy: A
              approvedOn: 2026-02-30
              expires: 2026-12-31
              colour: red
            - check: ram.min
              scope: unit
              target: "21583"
              justification: "  "
              approvedBy: A
              approvedOn: 2026-12-01
              expires: 2026-11-30
            """;
    assertThat(problems(yaml))
        .containsExactly(
            "waivers.yaml:15:3: unknown key 'colour' (expected one of: approvedBy, approvedOn,"
                + " check, expires, justification, planItem, scope, target)",
            "waivers.yaml:10:10: unknown scope 'office' (expected: machine, unit)",
            "waivers.yaml:9:3: missing 'justification'",
            "waivers.yaml:13:15: expected a date YYYY-MM-DD, found '2026-02-30'",
            "waivers.yaml:19:18: missing 'justification'",
            "waivers.yaml:22:12: expires 2026-11-30 is before approvedOn 2026-12-01");
  }

  @Test
  void requiresAnExpiryDate() throws Exception {
    assertThat(problems(ONE.replace("  expires: 2026-12-31\n", "")))
        .containsExactly("waivers.yaml:1:3: missing 'expires'");
  }

  @Test
  void badTargetsAndPlanItems() throws Exception {
    assertThat(problems(ONE.replace("c0ffee00112233445566778899aabbcc", "\"has space\"")))
        .singleElement()
        .asString()
        .startsWith("waivers.yaml:3:11: bad machine id 'has space'");
    assertThat(
            problems(
                ONE.replace("scope: machine", "scope: unit")
                    .replace("c0ffee00112233445566778899aabbcc", "\"21/583\"")))
        .singleElement()
        .asString()
        .startsWith("waivers.yaml:3:11: bad unit code '21/583'");
    assertThat(problems(ONE.replace("NC-2027-01", "\"item #1\"")))
        .singleElement()
        .asString()
        .startsWith("waivers.yaml:8:13: bad plan item id 'item #1'");
  }

  @Test
  void aMappingAtTheTopIsNotAList() throws Exception {
    assertThat(problems("waivers:\n" + ONE.indent(2)))
        .containsExactly(
            "waivers.yaml:1:1: expected a list of waivers (each starting with '- check:')");
  }

  @Test
  void anEmptyFileIsAnError() throws Exception {
    assertThat(problems("# nothing here\n"))
        .containsExactly("waivers.yaml:1:1: empty file, expected a list of waivers");
  }

  @Test
  void sizeIsLimited() throws Exception {
    Path f = dir.resolve("big.yaml");
    Files.write(f, new byte[(int) WaiversLoader.MAX_BYTES + 1]);
    assertThatThrownBy(() -> WaiversLoader.load(f, "big.yaml", STD))
        .isInstanceOfSatisfying(
            WaiversException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::key)
                    .containsExactly("standard.error.tooLarge"));
  }

  @Test
  void justificationLengthIsLimited() throws Exception {
    String longText = "x".repeat(WaiversLoader.MAX_JUSTIFICATION + 1);
    assertThat(problems(ONE.replace("old tax software", longText)))
        .containsExactly("waivers.yaml:4:18: 'justification' is longer than 2,000 characters");
  }
}
