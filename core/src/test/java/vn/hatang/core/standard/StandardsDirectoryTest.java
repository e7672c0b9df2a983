package vn.hatang.core.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.hatang.core.Fixtures;

/** Every standards file in the repository's {@code standards/} folder is valid. */
class StandardsDirectoryTest {

  @Test
  void everyStandardFileValidates() throws IOException {
    Path root = Fixtures.standardsDir();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(p -> p.toString().endsWith(".yaml"))
              .filter(p -> !p.getParent().getFileName().toString().equals("reference"))
              .filter(p -> !p.getParent().getFileName().toString().equals("units"))
              .sorted()
              .toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      assertThat(StandardLoader.validate(f, root.relativize(f).toString()))
          .as("problems in %s", f)
          .isEmpty();
    }
  }

  @Test
  void bundledCatalogMatchesTheFolder() throws Exception {
    StandardCatalog catalog = StandardCatalog.open(null);
    assertThat(catalog.entries())
        .extracting(StandardCatalog.Entry::id, StandardCatalog.Entry::version)
        .contains(org.assertj.core.groups.Tuple.tuple("vn-basic-it", "2025.1"));
    Standard s = catalog.loadInForce(null, java.time.LocalDate.of(2026, 11, 25));
    byte[] bytes = Files.readAllBytes(Fixtures.standardsDir().resolve("vn-basic-it/2025.1.yaml"));
    assertThat(s.sha256()).isEqualTo(StandardLoader.sha256(bytes)).hasSize(64);
    assertThat(s.ref()).isEqualTo("vn-basic-it@2025.1");
    assertThat(s.checks()).extracting(Check::id).contains("ram.min", "os.supported", "tpm.version");
    assertThat(s.reference().osLifecycle().products()).isNotEmpty();
    assertThat(s.reference().prices().items()).containsKey("pc-replacement");
    // 2027.1: the same machine checks, with unit checks, a score and plan deadlines.
    Standard next = catalog.load("vn-basic-it@2027.1");
    assertThat(next.effectiveFrom()).isEqualTo(java.time.LocalDate.of(2027, 1, 1));
    assertThat(next.supersedes()).isEqualTo("2025.1");
    assertThat(next.checks())
        .extracting(Check::id)
        .isEqualTo(s.checks().stream().map(Check::id).toList());
    assertThat(next.unitChecks())
        .extracting(UnitCheck::id)
        .contains("unit.ups", "unit.line.dedicated.download");
    assertThat(next.score().maxPoints()).isEqualTo(10.0);
    assertThat(next.plan().daysFor(Severity.CRITICAL)).isEqualTo(30);
  }

  @Test
  void everyThresholdSaysWhereItComesFrom() {
    Standard s = Fixtures.defaultStandard();
    for (Check c : s.checks()) {
      assertThat(c.source()).as("source of %s", c.id()).isNotBlank();
    }
  }
}
