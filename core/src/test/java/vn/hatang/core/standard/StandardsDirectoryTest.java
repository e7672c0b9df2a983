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
    Standard s = catalog.load(null);
    byte[] bytes = Files.readAllBytes(Fixtures.standardsDir().resolve("vn-basic-it/2025.1.yaml"));
    assertThat(s.sha256()).isEqualTo(StandardLoader.sha256(bytes)).hasSize(64);
    assertThat(s.ref()).isEqualTo("vn-basic-it@2025.1");
    assertThat(s.checks()).extracting(Check::id).contains("ram.min", "os.supported", "tpm.version");
    assertThat(s.reference().osLifecycle().products()).isNotEmpty();
    assertThat(s.reference().prices().items()).containsKey("pc-replacement");
  }

  @Test
  void everyThresholdSaysWhereItComesFrom() {
    Standard s = Fixtures.defaultStandard();
    for (Check c : s.checks()) {
      assertThat(c.source()).as("source of %s", c.id()).isNotBlank();
    }
  }
}
