package vn.hatang.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the PostgreSQL extension decides, and how it finds the programs. */
class PostgresExtensionTest {
  @TempDir Path tmp;

  @Test
  void withoutProgramsTheTestsFailNamingTheCiScript() {
    PostgresExtension.Plan plan = PostgresExtension.plan(Map.of(), Optional.empty());
    assertThat(plan).isInstanceOf(PostgresExtension.Fail.class);
    assertThat(((PostgresExtension.Fail) plan).message())
        .contains(".ci/run")
        .contains("HATANG_TEST_PG_URL")
        .contains("HATANG_SKIP_PG=1");
  }

  @Test
  void skipWinsThenAGivenServerThenStarting() {
    Optional<Path> bin = Optional.of(Path.of("/usr/lib/postgresql/15/bin"));
    assertThat(PostgresExtension.plan(Map.of("HATANG_SKIP_PG", "1"), Optional.empty()))
        .isEqualTo(new PostgresExtension.Skip("PostgreSQL tests skipped: HATANG_SKIP_PG=1"));
    assertThat(
            PostgresExtension.plan(
                Map.of("HATANG_TEST_PG_URL", "jdbc:postgresql://db/t", "HATANG_SKIP_PG", "0"), bin))
        .isEqualTo(new PostgresExtension.External("jdbc:postgresql://db/t"));
    assertThat(PostgresExtension.plan(Map.of(), bin))
        .isEqualTo(new PostgresExtension.Start(bin.get()));
  }

  @Test
  void programsAreFoundOnThePathThroughLinksElseInTheNewestDebianFolder() throws Exception {
    Path root = tmp.resolve("usr/lib/postgresql");
    Path v13 = fakeBin(root.resolve("13/bin"));
    Path v16 = fakeBin(root.resolve("16/bin"));
    Files.createDirectories(root.resolve("9.6/bin")); // no programs: not chosen
    assertThat(PgBinaries.find("/nonexistent", root)).contains(v16);
    assertThat(PgBinaries.find(null, root)).contains(v16);

    Path local = Files.createDirectories(tmp.resolve("usr/local/bin"));
    Files.createSymbolicLink(local.resolve("initdb"), v13.resolve("initdb"));
    Files.createSymbolicLink(local.resolve("pg_ctl"), v13.resolve("pg_ctl"));
    assertThat(PgBinaries.find("/nonexistent:" + local, root)).contains(v13.toRealPath());

    assertThat(PgBinaries.find("/nonexistent", tmp.resolve("none"))).isEmpty();
  }

  private static Path fakeBin(Path dir) throws Exception {
    Files.createDirectories(dir);
    for (String name : new String[] {"initdb", "pg_ctl"}) {
      Path p = dir.resolve(name);
      Files.writeString(p, "#!/bin/sh\n");
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return dir;
  }
}
