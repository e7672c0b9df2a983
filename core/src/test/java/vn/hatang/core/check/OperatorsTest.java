package vn.hatang.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardLoader;

/**
 * Every operator and applicability rule, on the compliant fixture (Windows 11 25H2 Pro, 16 GiB).
 */
class OperatorsTest {
  @TempDir Path dir;

  private Map<String, Finding> judge(Snapshot s, String checks) throws Exception {
    Path ref = dir.resolve("reference");
    Files.createDirectories(ref);
    Files.copy(
        Fixtures.standardsDir().resolve("reference/os-lifecycle.yaml"),
        ref.resolve("os.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path file = dir.resolve("ops/1.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "id: ops\nversion: \"1\"\ntitle: {vi: a, en: a}\nissuer: t\neffectiveFrom: 2025-01-01\n"
            + "freshnessDays: 30\nreferences: {osLifecycle: ../reference/os.yaml}\nchecks:\n"
            + checks);
    Standard std = StandardLoader.load(file, "ops/1.yaml");
    return Evaluator.evaluate("x", s, std, LocalDate.of(2026, 11, 25)).findings().stream()
        .collect(Collectors.toMap(f -> f.check().id(), Function.identity()));
  }

  private static String check(String id, String metric, String op, String value) {
    return "  - id: "
        + id
        + "\n    title: {vi: t, en: t}\n    metric: "
        + metric
        + "\n    op: \""
        + op
        + "\"\n    value: "
        + value
        + "\n";
  }

  private static List<String> passing(Map<String, Finding> f) {
    return f.values().stream()
        .filter(x -> x.state() == State.PASS)
        .map(x -> x.check().id())
        .sorted()
        .toList();
  }

  @Test
  void numericOperators() throws Exception {
    Map<String, Finding> f =
        judge(
            Fixtures.snapshot(Fixtures.COMPLIANT),
            check("ge", "memory.sizeBytes", ">=", "16\n    unit: GiB")
                + check("gt", "memory.sizeBytes", ">", "16\n    unit: GiB")
                + check("le", "memory.sizeBytes", "<=", "16\n    unit: GiB")
                + check("lt", "cpu.logicalCores", "<", "12")
                + check("ne", "cpu.logicalCores", "!=", "8")
                + check("eq", "os.bitness", "==", "64")
                + check("in", "os.bitness", "in", "[32, 64]")
                + check("notin", "cpu.logicalCores", "not in", "[12]"));
    assertThat(passing(f)).containsExactly("eq", "ge", "in", "le", "ne");
    // A strict > at equality fails with nothing to make up: no "0 short".
    assertThat(f.get("gt").state()).isEqualTo(State.FAIL);
    assertThat(f.get("gt").shortfall()).isNull();
    assertThat(f.get("notin").state()).isEqualTo(State.FAIL);
  }

  @Test
  void textVersionAndDateOperators() throws Exception {
    Map<String, Finding> f =
        judge(
            Fixtures.snapshot(Fixtures.COMPLIANT),
            check("matches", "os.name", "matches", "'windows 11'")
                + check("nomatch", "os.name", "matches", "'^Windows 10'")
                + check("in", "cpu.vendor", "in", "[genuineintel, authenticamd]")
                + check("eqtext", "os.family", "==", "WINDOWS")
                + check("vge", "os.build", "version >=", "\"26100\"")
                + check("veq", "computerSystem.tpmVersion", "==", "\"2\"")
                + check("before", "os.endOfSupport", "date before", "2028-01-01")
                + check("after", "os.endOfSupport", "date after", "2028-01-01"));
    assertThat(passing(f)).containsExactly("before", "eqtext", "in", "matches", "veq", "vge");
    assertThat(f.get("after").shortfall()).isEqualTo(82.0);
    assertThat(f.get("after").shortfallUnit()).isEqualTo("days");
  }

  @Test
  void applicabilityByUnitLevelTagAndOsFamily() throws Exception {
    String checks =
        "  - id: commune\n    title: {vi: t, en: t}\n    appliesTo: {unitLevels: [commune]}\n"
            + "    metric: os.bitness\n    op: \"==\"\n    value: 64\n"
            + "  - id: province\n    title: {vi: t, en: t}\n    appliesTo: {unitLevels: [province]}\n"
            + "    metric: os.bitness\n    op: \"==\"\n    value: 64\n"
            + "  - id: tagged\n    title: {vi: t, en: t}\n    appliesTo: {tags: [MỘT-CỬA]}\n"
            + "    metric: os.bitness\n    op: \"==\"\n    value: 64\n"
            + "  - id: othertag\n    title: {vi: t, en: t}\n    appliesTo: {tags: [server-room]}\n"
            + "    metric: os.bitness\n    op: \"==\"\n    value: 64\n"
            + "  - id: linux\n    title: {vi: t, en: t}\n    appliesTo: {osFamilies: [Linux]}\n"
            + "    metric: os.bitness\n    op: \"==\"\n    value: 64\n";
    Map<String, Finding> f = judge(Fixtures.snapshot(Fixtures.COMPLIANT), checks);
    assertThat(passing(f)).containsExactly("commune", "tagged");
    assertThat(f.get("province").state()).isEqualTo(State.NOT_APPLICABLE);
    assertThat(f.get("province").reason()).isEqualTo(Message.of("reason.na.unitLevel", "commune"));
    assertThat(f.get("othertag").state()).isEqualTo(State.NOT_APPLICABLE);
    assertThat(f.get("linux").reason()).isEqualTo(Message.of("reason.na.osFamily", "Windows"));
    // Without a configured unit level the level rule cannot be decided: UNKNOWN, not skipped.
    Snapshot noLevel = Fixtures.snapshot(Fixtures.MISSING);
    Map<String, Finding> g = judge(withoutLevel(noLevel), checks);
    assertThat(g.get("commune").state()).isEqualTo(State.UNKNOWN);
    assertThat(g.get("commune").reason().key()).isEqualTo("reason.unitLevelUnknown");
  }

  private static Snapshot withoutLevel(Snapshot s) {
    return new Snapshot(
        s.schemaVersion(),
        s.snapshotId(),
        s.takenAt(),
        s.agent(),
        new vn.hatang.core.snapshot.UnitRef("21583", "x", null),
        s.machine(),
        s.computerSystem(),
        s.os(),
        s.cpu(),
        s.memory(),
        s.storage(),
        s.peripherals(),
        s.antivirus(),
        s.lines(),
        s.diagnostics());
  }

  @Test
  void badValuesAreValidationErrorsNotCrashes() throws IOException {
    Path file = dir.resolve("bad/1.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "id: bad\nversion: \"1\"\ntitle: {vi: a, en: a}\nissuer: t\neffectiveFrom: 2025-01-01\n"
            + "freshnessDays: 30\nchecks:\n"
            + check("nullpattern", "os.name", "matches", "~")
            + check("nan", "cpu.logicalCores", ">=", ".NaN")
            + check("inf", "cpu.logicalCores", ">=", "1e400")
            + check("empty", "os.family", "in", "[]")
            + check("blankversion", "os.build", "version >=", "\"\"")
            + "  - id: role\n    title: {vi: t, en: t}\n    appliesTo: {roles: [desktp]}\n"
            + "    metric: os.bitness\n    op: \"==\"\n    value: 64\n");
    assertThat(StandardLoader.validate(file, "bad/1.yaml"))
        .extracting(p -> p.key())
        .containsExactly(
            "standard.error.expectedScalar", "standard.error.expectedNumber",
            "standard.error.expectedNumber", "standard.error.emptyList",
            "standard.error.expectedVersion", "standard.error.unknownValue");
  }

  @Test
  void aStandardWithoutChecksIsInvalid() throws IOException {
    Path file = dir.resolve("none/1.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "id: none\nversion: \"1\"\ntitle: {vi: a, en: a}\nissuer: t\neffectiveFrom: 2025-01-01\n"
            + "freshnessDays: 30\nchecks: []\n");
    assertThat(StandardLoader.validate(file, "none/1.yaml"))
        .extracting(p -> p.key())
        .containsExactly("standard.error.noChecks");
  }

  @Test
  void lineChecksCompareGoodputWithTheDocumentedNominalFactor() throws Exception {
    String checks =
        "  - id: down\n    title: {vi: t, en: t}\n    metric: line.downloadMbps\n    line: internet\n"
            + "    op: \">=\"\n    value: 190\n    unit: Mbps nominal\n"
            + "  - id: down-high\n    title: {vi: t, en: t}\n    metric: line.downloadMbps\n    line: internet\n"
            + "    op: \">=\"\n    value: 196\n    unit: Mbps nominal\n"
            + "  - id: lat\n    title: {vi: t, en: t}\n    metric: line.latencyMs\n    line: INTERNET\n"
            + "    op: \"<=\"\n    value: 20\n    unit: ms\n"
            + "  - id: absent\n    title: {vi: t, en: t}\n    metric: line.uploadMbps\n    line: backup\n"
            + "    op: \">=\"\n    value: 1\n    unit: Mbps\n";
    // compliant-pc.json: internet 187.3 Mbps goodput, 18.4 ms.
    Map<String, Finding> f = judge(Fixtures.snapshot(Fixtures.COMPLIANT), checks);
    // 190 nominal x 1448/1514 = 181.7 Mbps of goodput: 187.3 passes; 196 nominal = 187.45: fails.
    assertThat(f.get("down").state()).isEqualTo(State.PASS);
    assertThat(f.get("down-high").state()).isEqualTo(State.FAIL);
    assertThat(f.get("down-high").shortfall() * 1448.0 / 1514.0)
        .isCloseTo(0.155, org.assertj.core.data.Offset.offset(0.01));
    assertThat(f.get("lat").state()).isEqualTo(State.PASS);
    assertThat(f.get("absent").state()).isEqualTo(State.UNKNOWN);
    assertThat(f.get("absent").reason()).isEqualTo(Message.of("reason.lineNotMeasured", "backup"));
    // old-pc.json: the dedicated line timed out.
    Map<String, Finding> g =
        judge(
            Fixtures.snapshot(Fixtures.OLD),
            "  - id: ded\n    title: {vi: t, en: t}\n    metric: line.downloadMbps\n    line: dedicated\n"
                + "    op: \">=\"\n    value: 100\n    unit: Mbps nominal\n");
    assertThat(g.get("ded").state()).isEqualTo(State.UNKNOWN);
    assertThat(g.get("ded").reason().key()).isEqualTo("reason.lineFailed");
    assertThat(g.get("ded").reason().args()).startsWith("dedicated", "TIMEOUT");
  }

  @Test
  void lineMetricsNeedALineNameAndOthersRefuseOne() throws IOException {
    Path file = dir.resolve("lines/1.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "id: lines\nversion: \"1\"\ntitle: {vi: a, en: a}\nissuer: t\neffectiveFrom: 2025-01-01\n"
            + "freshnessDays: 30\nchecks:\n"
            + check("noline", "line.downloadMbps", ">=", "10\n    unit: Mbps")
            + check("extra", "os.bitness", "==", "64\n    line: internet")
            + check("nounit", "line.latencyMs\n    line: internet", "<=", "10"));
    assertThat(StandardLoader.validate(file, "lines/1.yaml"))
        .extracting(p -> p.key())
        .containsExactly(
            "standard.error.lineRequired",
            "standard.error.lineNotAllowed",
            "standard.error.unitRequired");
  }
}
