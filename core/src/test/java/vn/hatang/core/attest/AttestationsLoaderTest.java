package vn.hatang.core.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.standard.Problem;

class AttestationsLoaderTest {
  @TempDir Path dir;

  static final String SAMPLE =
      """
      # Phường Quy Nhơn: what no agent can see
      - unit: "21583"
        item: ups
        count: 1
        attestedBy: Lê Văn C (công chức văn phòng)
        attestedOn: 2026-03-02
        note: UPS Santak 1 kVA, no USB
      - unit: "21583"
        item: video_conference_kit
        count: 1
        attestedBy: Lê Văn C
        attestedOn: 2026-03-02
        validUntil: 2026-12-31
      - unit: "21583"
        item: ups
        count: 2
        attestedBy: Lê Văn C
        attestedOn: 2026-09-15
      - unit: "21607"
        item: network_switch
        count: 0
        attestedBy: Phạm D
        attestedOn: 2026-05-20
        validUntil: 2026-06-30
      - unit: "21607"
        item: network_switch
        count: 3
        attestedBy: Phạm D
        attestedOn: 2026-04-01
      """;

  private Path write(String yaml) throws IOException {
    Path f = dir.resolve("attestations.yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return f;
  }

  private List<String> problems(String yaml) throws IOException {
    try {
      AttestationsLoader.load(write(yaml), "attestations.yaml");
    } catch (AttestationsException e) {
      Messages m = Messages.of(Locale.ENGLISH);
      return e.problems().stream()
          .map(p -> p.place() + ": " + m.get(p.key(), p.args().toArray()))
          .toList();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void readsEveryField() throws Exception {
    Attestations a = AttestationsLoader.load(write(SAMPLE), "attestations.yaml");
    assertThat(a.all()).hasSize(5);
    Attestation ups = a.all().get(0);
    assertThat(ups.unitCode()).isEqualTo("21583");
    assertThat(ups.item()).isEqualTo("ups");
    assertThat(ups.count()).isEqualTo(1);
    assertThat(ups.attestedBy()).isEqualTo("Lê Văn C (công chức văn phòng)");
    assertThat(ups.attestedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(ups.note()).isEqualTo("UPS Santak 1 kVA, no USB");
    assertThat(ups.validUntil()).isNull();
    assertThat(ups.place()).isEqualTo("attestations.yaml:2:3");
    assertThat(a.all().get(1).validUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void theLatestAttestationAsOfTheDayCounts() throws Exception {
    Attestations a = AttestationsLoader.load(write(SAMPLE), "attestations.yaml");
    assertThat(a.count("21583", "ups", LocalDate.of(2026, 3, 1))).isEmpty();
    assertThat(a.count("21583", "ups", LocalDate.of(2026, 3, 2))).hasValue(1);
    assertThat(a.count("21583", "ups", LocalDate.of(2026, 9, 14))).hasValue(1);
    assertThat(a.count("21583", "ups", LocalDate.of(2026, 9, 15))).hasValue(2);
    assertThat(a.entry("21583", "ups", LocalDate.of(2026, 11, 25)))
        .map(Attestation::place)
        .contains("attestations.yaml:14:3");
    // Order in the file does not matter: the April record is older than the May one.
    assertThat(a.count("21607", "network_switch", LocalDate.of(2026, 4, 30))).hasValue(3);
    assertThat(a.count("21607", "network_switch", LocalDate.of(2026, 6, 1)))
        .isEqualTo(OptionalInt.of(0));
    assertThat(a.count("21607", "printer", LocalDate.of(2026, 6, 1))).isEmpty();
    assertThat(a.count("99999", "ups", LocalDate.of(2026, 6, 1))).isEmpty();
  }

  @Test
  void anAttestationPastItsValidUntilCountsNoLongerAndTheOlderOneDoesNotComeBack()
      throws Exception {
    Attestations a = AttestationsLoader.load(write(SAMPLE), "attestations.yaml");
    assertThat(a.count("21583", "video_conference_kit", LocalDate.of(2026, 12, 31))).hasValue(1);
    assertThat(a.count("21583", "video_conference_kit", LocalDate.of(2027, 1, 1))).isEmpty();
    // 21607's switches: 3 attested in April, replaced by 0 in May valid until June 30.
    assertThat(a.count("21607", "network_switch", LocalDate.of(2026, 7, 1))).isEmpty();
  }

  @Test
  void everyProblemIsReportedWithItsLineAndColumn() throws Exception {
    String yaml =
        """
        - unit: "21583"
          item: UPS
          count: -1
          attestedOn: 2026-13-01
        - unit: 21/583
          item: printer
          count: 2.5
          attestedBy: A
          attestedOn: 2026-05-01
          validUntil: 2026-04-30
          colour: red
        - unit: "21583"
          item: ups
          count: 1
          attestedBy: A
          attestedOn: 2026-05-01
        - unit: "21583"
          item: ups
          count: 2
          attestedBy: B
          attestedOn: 2026-05-01
        """;
    assertThat(problems(yaml))
        .containsExactly(
            "attestations.yaml:2:9: bad item 'UPS': lower-case letters, digits, '.', '-', '_',"
                + " at most 64 (for example ups, printer, video_conference_kit)",
            "attestations.yaml:3:10: 'count' must be a whole number from 0 to 100,000, found '-1'",
            "attestations.yaml:1:3: missing 'attestedBy'",
            "attestations.yaml:4:15: expected a date YYYY-MM-DD, found '2026-13-01'",
            "attestations.yaml:11:3: unknown key 'colour' (expected one of: attestedBy,"
                + " attestedOn, count, item, note, unit, validUntil)",
            "attestations.yaml:5:9: bad unit code '21/583': letters, digits, '.', '-', '_', at"
                + " most 64",
            "attestations.yaml:7:10: 'count' must be a whole number from 0 to 100,000, found"
                + " '2.5'",
            "attestations.yaml:10:15: validUntil 2026-04-30 is before attestedOn 2026-05-01",
            "attestations.yaml:17:3: unit '21583' item 'ups' is attested twice on 2026-05-01"
                + " (first at line 12)");
  }

  @Test
  void brokenYamlAndWrongShapes() throws Exception {
    assertThat(problems("- unit: \"21583\n"))
        .singleElement()
        .asString()
        .startsWith("attestations.yaml:2:1: not valid YAML");
    assertThat(problems("unit: 21583\n"))
        .containsExactly(
            "attestations.yaml:1:1: expected a list of attestations (each starting with '- unit:')");
    assertThat(problems("\n\n"))
        .containsExactly("attestations.yaml:1:1: empty file, expected a list of attestations");
  }

  @Test
  void sizeIsLimited() throws Exception {
    Path f = dir.resolve("big.yaml");
    Files.write(f, new byte[(int) AttestationsLoader.MAX_BYTES + 1]);
    assertThatThrownBy(() -> AttestationsLoader.load(f, "big.yaml"))
        .isInstanceOfSatisfying(
            AttestationsException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::place, Problem::key)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "big.yaml", "standard.error.tooLarge")));
  }

  @Test
  void noteLengthIsLimited() throws Exception {
    String yaml =
        "- {unit: \"1\", item: ups, count: 1, attestedBy: A, attestedOn: 2026-01-01, note: "
            + "x".repeat(AttestationsLoader.MAX_NOTE + 1)
            + "}\n";
    assertThat(problems(yaml))
        .containsExactly("attestations.yaml:1:81: 'note' is longer than 1,000 characters");
  }
}
