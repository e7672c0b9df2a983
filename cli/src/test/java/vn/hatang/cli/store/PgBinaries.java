package vn.hatang.cli.store;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the folder holding PostgreSQL's {@code initdb} and {@code pg_ctl}. */
final class PgBinaries {
  /** Where Debian's packages put each major version's programs: {@code <root>/<major>/bin}. */
  static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

  private PgBinaries() {}

  /**
   * The folder of {@code initdb} on the PATH (symbolic links followed, so that {@code pg_ctl} finds
   * its {@code postgres} beside it), else the newest {@code <root>/<major>/bin} holding both
   * programs.
   */
  static Optional<Path> find(String pathEnv, Path debianRoot) {
    if (pathEnv != null) {
      for (String entry : pathEnv.split(File.pathSeparator)) {
        if (entry.isEmpty()) {
          continue;
        }
        Path initdb = Path.of(entry, "initdb");
        if (Files.isExecutable(initdb)) {
          try {
            Path dir = initdb.toRealPath().getParent();
            if (complete(dir)) {
              return Optional.of(dir);
            }
          } catch (IOException e) {
            // A dangling link: keep looking.
          }
        }
      }
    }
    if (!Files.isDirectory(debianRoot)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(debianRoot)) {
      List<Path> bins =
          versions
              .filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
              .sorted(
                  Comparator.comparingDouble(
                          (Path v) -> Double.parseDouble(v.getFileName().toString()))
                      .reversed())
              .map(v -> v.resolve("bin"))
              .filter(PgBinaries::complete)
              .toList();
      return bins.stream().findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean complete(Path dir) {
    return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"));
  }
}
