package vn.hatang.core.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hatang.core.Fixtures;

class StandardLoaderTest {
  @TempDir Path dir;
  Path file;

  @BeforeEach
  void copyReference() throws IOException {
    Path ref = dir.resolve("reference");
    Files.createDirectories(ref);
    for (String n : List.of("os-lifecycle.yaml", "cpu-generations.yaml", "prices-vnd-2025.yaml")) {
      Files.copy(Fixtures.standardsDir().resolve("reference").resolve(n), ref.resolve(n));
    }
    Files.createDirectories(dir.resolve("demo"));
    file = dir.resolve("demo/1.0.yaml");
  }

  private static final String HEADER =
      """
      id: demo
      version: "1.0"
      title: {vi: "Thử", en: "Demo"}
      issuer: test
      effectiveFrom: 2025-07-01
      freshnessDays: 30
      references:
        osLifecycle: ../reference/os-lifecycle.yaml
        prices: ../reference/prices-vnd-2025.yaml
      checks:
      """;

  private List<Problem> validate(String checks) throws IOException {
    Files.writeString(file, HEADER + checks, StandardCharsets.UTF_8);
    return StandardLoader.validate(file, "demo/1.0.yaml");
  }

  private static String check(String id, String metric, String op, String value) {
    return "  - id: "
        + id
        + "\n"
        + "    title: {vi: \"T\", en: \"T\"}\n"
        + "    metric: "
        + metric
        + "\n"
        + "    op: \""
        + op
        + "\"\n"
        + "    value: "
        + value
        + "\n";
  }

  @Test
  void aValidFileLoads() throws Exception {
    assertThat(validate(check("ram", "memory.sizeBytes", ">=", "8\n    unit: GiB"))).isEmpty();
    Standard s = StandardLoader.load(file, "demo/1.0.yaml");
    assertThat(s.checks())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.op()).isEqualTo(Operator.GE);
              assertThat(c.value()).isEqualTo(8.0);
              assertThat(c.unit()).isEqualTo("GiB");
              assertThat(c.line()).isEqualTo(11);
            });
  }

  @Test
  void unknownMetricIsReportedAtItsPlace() throws IOException {
    List<Problem> p = validate(check("x", "cpu.cores", ">=", "2"));
    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.place()).isEqualTo("demo/1.0.yaml:13:13");
              assertThat(x.key()).isEqualTo("standard.error.unknownMetric");
              assertThat(x.args().get(0)).isEqualTo("cpu.cores");
            });
  }

  @Test
  void badOperatorAndOperatorThatDoesNotFitTheMetric() throws IOException {
    List<Problem> p =
        validate(check("a", "cpu.logicalCores", "=>", "2") + check("b", "os.name", ">=", "x"));
    assertThat(p)
        .extracting(Problem::key)
        .containsExactly("standard.error.badOperator", "standard.error.opVsMetric");
    assertThat(p.get(0).place()).isEqualTo("demo/1.0.yaml:14:9");
  }

  @Test
  void duplicateIdsPointAtTheFirst() throws IOException {
    List<Problem> p =
        validate(
            check("dup", "cpu.logicalCores", ">=", "2")
                + check("dup", "cpu.logicalCores", ">=", "4"));
    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.key()).isEqualTo("standard.error.duplicateId");
              assertThat(x.args()).containsExactly("dup", 11);
              assertThat(x.line()).isEqualTo(16);
            });
  }

  @Test
  void versionMustEqualTheFileName() throws IOException {
    Files.createDirectories(dir.resolve("demo"));
    Path other = dir.resolve("demo/2.0.yaml");
    Files.writeString(other, HEADER + check("a", "cpu.logicalCores", ">=", "2"));
    List<Problem> p = StandardLoader.validate(other, "demo/2.0.yaml");
    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.key()).isEqualTo("standard.error.versionVsFile");
              assertThat(x.place()).isEqualTo("demo/2.0.yaml:2:10");
            });
  }

  @Test
  void aMetricWhoseReferenceDataIsMissing() throws IOException {
    List<Problem> p = validate(check("cpu", "cpu.supportedGeneration", "==", "true"));
    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.key()).isEqualTo("standard.error.missingReference");
              assertThat(x.args()).containsExactly("cpu.supportedGeneration", "cpuGenerations");
            });
  }

  @Test
  void unitsMustFitTheMetricAndBytesNeedOne() throws IOException {
    List<Problem> p =
        validate(
            check("a", "memory.sizeBytes", ">=", "8\n    unit: GHz")
                + check("b", "memory.sizeBytes", ">=", "8"));
    assertThat(p)
        .extracting(Problem::key)
        .containsExactly("standard.error.unitVsMetric", "standard.error.unitRequired");
  }

  @Test
  void unknownKeysMissingFieldsAndUnknownCostKeys() throws IOException {
    List<Problem> p =
        validate(
            check("a", "cpu.logicalCores", ">=", "2")
                + "    treshold: 3\n"
                + "    remediation:\n      action: {vi: \"x\", en: \"x\"}\n      costKey: gold-plating\n"
                + "  - id: b\n    title: {vi: \"T\"}\n    metric: cpu.logicalCores\n    op: \">=\"\n");
    assertThat(p)
        .extracting(Problem::key)
        .containsExactly(
            "standard.error.unknownKey", "standard.error.unknownCostKey",
            "standard.error.needBothLanguages", "standard.error.missingKey");
    assertThat(p.get(0).place()).isEqualTo("demo/1.0.yaml:16:5");
  }

  @Test
  void yamlSyntaxErrorHasLineAndColumn() throws IOException {
    Files.writeString(file, "id: demo\nversion: [1.0\n");
    StandardException e =
        catchThrowableOfType(StandardException.class, () -> StandardLoader.load(file, "x.yaml"));
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.key()).isEqualTo("standard.error.yaml");
              assertThat(x.line()).isEqualTo(3);
            });
  }

  @Test
  void missingReferenceFileIsAProblem() throws IOException {
    Files.delete(dir.resolve("reference/os-lifecycle.yaml"));
    List<Problem> p = validate(check("a", "cpu.logicalCores", ">=", "2"));
    assertThat(p).extracting(Problem::key).containsExactly("standard.error.referenceMissing");
    assertThat(p.get(0).line()).isEqualTo(8);
  }

  @Test
  void catalogFindsByIdAndVersionAndExplainsMisses() throws Exception {
    Files.writeString(file, HEADER + check("a", "cpu.logicalCores", ">=", "2"));
    StandardCatalog catalog = StandardCatalog.open(dir);
    assertThat(catalog.find("demo").version()).isEqualTo("1.0");
    assertThat(catalog.find("demo@1.0").path()).isEqualTo(file);
    // find: the newest version; loadInForce: the one in force on the day.
    assertThat(catalog.find("vn-basic-it").display()).isEqualTo("bundled:vn-basic-it/2027.1.yaml");
    assertThat(catalog.loadInForce("vn-basic-it", java.time.LocalDate.of(2026, 12, 31)).version())
        .isEqualTo("2025.1");
    assertThat(catalog.loadInForce(null, java.time.LocalDate.of(2027, 1, 1)).version())
        .isEqualTo("2027.1");
    // Before the first version: the earliest; a pinned version whatever the day.
    assertThat(catalog.loadInForce(null, java.time.LocalDate.of(2024, 1, 1)).version())
        .isEqualTo("2025.1");
    assertThat(
            catalog.loadInForce("vn-basic-it@2027.1", java.time.LocalDate.of(2024, 1, 1)).version())
        .isEqualTo("2027.1");
    StandardException none =
        catchThrowableOfType(StandardException.class, () -> catalog.find("nope"));
    assertThat(none.problems().get(0).key()).isEqualTo("standard.error.notFound");
    StandardException noVersion =
        catchThrowableOfType(StandardException.class, () -> catalog.find("demo@9"));
    assertThat(noVersion.problems().get(0).args()).containsExactly("demo", "9", "1.0");
  }
}
