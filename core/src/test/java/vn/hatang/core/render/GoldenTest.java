package vn.hatang.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.hatang.core.Fixtures;
import vn.hatang.core.check.CheckReport;
import vn.hatang.core.check.Evaluator;
import vn.hatang.core.check.InputError;
import vn.hatang.core.check.MachineResult;
import vn.hatang.core.check.Message;
import vn.hatang.core.i18n.Lang;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.snapshot.SnapshotCodec;
import vn.hatang.core.snapshot.SnapshotException;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.waiver.Waivers;
import vn.hatang.core.waiver.WaiversLoader;

/**
 * Golden files for every rendered output: {@code src/test/resources/golden/<case>}. Re-record with
 * {@code mvn test -Dgolden.update=true} and review the diff like code.
 */
class GoldenTest {
  static final LocalDate DAY = LocalDate.of(2026, 11, 25);

  static CheckReport report() {
    return report(Waivers.NONE);
  }

  static CheckReport report(Waivers waivers) {
    Standard std = Fixtures.defaultStandard();
    List<MachineResult> results = new ArrayList<>();
    List<InputError> errors = new ArrayList<>();
    for (String name :
        List.of(
            "compliant-pc.json",
            "old-pc.json",
            "disk-unknown-pc.json",
            "missing-sections-pc.json",
            "malformed.json",
            "future-version.json")) {
      try {
        results.add(
            Evaluator.evaluate(
                name, SnapshotCodec.read(Fixtures.bytes(name), name), std, DAY, waivers));
      } catch (SnapshotException e) {
        errors.add(new InputError(name, e.where(), new Message(e.key(), e.args())));
      }
    }
    return new CheckReport(std, DAY, results, errors);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "table-en,table,en,txt",
    "table-vi,table,vi,txt",
    "json-en,json,en,json",
    "json-vi,json,vi,json",
    "csv-vi,csv,vi,csv",
    "waivers-table-en,table,en,txt",
    "waivers-table-vi,table,vi,txt",
    "waivers-json-en,json,en,json",
    "waivers-csv-en,csv,en,csv"
  })
  void rendersAsRecorded(String name, String format, String lang, String ext) throws Exception {
    Locale locale = Lang.resolve(lang, java.util.Map.of());
    // The waivers cases: one in force per scope, one expired, one not yet approved.
    Waivers waivers =
        name.startsWith("waivers-")
            ? WaiversLoader.load(
                Path.of("src/test/resources/waivers/golden.yaml"),
                "golden.yaml",
                Fixtures.defaultStandard())
            : Waivers.NONE;
    String actual =
        ReportRenderer.forFormat(format).render(report(waivers), new Formats(Messages.of(locale)));
    // The standard's hash changes with every edit of the default standard: mask it.
    actual =
        actual
            .replaceAll("[0-9a-f]{64}", "<sha256>")
            .replaceAll("sha256 [0-9a-f]{12}…", "sha256 <sha256>…");
    Path golden = Path.of("src/test/resources/golden", name, "expected." + ext);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
