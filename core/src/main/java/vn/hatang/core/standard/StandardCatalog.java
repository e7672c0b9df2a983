package vn.hatang.core.standard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import vn.hatang.core.check.Evaluator;

/**
 * The standards a run can choose from: those bundled in the jar (the repository's {@code
 * standards/} folder) and those in an extra folder of the same layout ({@code <id>/<version>.yaml},
 * reference data under {@code reference/}, units files under {@code units/}). A folder's standards
 * come before bundled ones of the same id and version.
 */
public final class StandardCatalog {
  /** The standard used when none is named. */
  public static final String DEFAULT_ID = "vn-basic-it";

  private final List<Entry> entries;

  /**
   * A standards file in the catalog.
   *
   * @param id standard id (its folder)
   * @param version version (its file name)
   * @param path the file
   * @param display how to show it ({@code bundled:vn-basic-it/2025.1.yaml} or a path)
   */
  public record Entry(String id, String version, Path path, String display) {}

  private StandardCatalog(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The bundled standards, then those in {@code extraDir} (may be {@code null}) before them. */
  public static StandardCatalog open(Path extraDir) {
    List<Entry> entries = new ArrayList<>();
    if (extraDir != null) {
      scan(extraDir, extraDir.toString().replace('\\', '/') + "/", entries);
    }
    Path bundled = bundledRoot();
    if (bundled != null) {
      scan(bundled, "bundled:", entries);
    }
    return new StandardCatalog(entries);
  }

  /** The environment variable naming an extra folder of standards. */
  public static final String DIR_ENV = "HATANG_STANDARDS_DIR";

  /**
   * The bundled standards plus an extra folder: {@code dir} when given (the {@code --standards-dir}
   * option), else the one {@link #DIR_ENV} names, else none.
   */
  public static StandardCatalog open(Path dir, Map<String, String> env) {
    Path extra = dir;
    if (extra == null && env.get(DIR_ENV) != null && !env.get(DIR_ENV).isBlank()) {
      extra = Path.of(env.get(DIR_ENV));
    }
    return open(extra);
  }

  /** Every entry, sorted by id then version (newest last). */
  public List<Entry> entries() {
    return entries.stream()
        .sorted(
            Comparator.comparing(Entry::id)
                .thenComparing((a, b) -> Evaluator.compareVersions(a.version(), b.version())))
        .toList();
  }

  /**
   * Finds a standard by {@code ID}, {@code ID@VERSION}, or a file path. Without a version, the
   * newest version of the id.
   *
   * @throws StandardException when nothing matches
   */
  public Entry find(String spec) throws StandardException {
    Path asFile = Path.of(spec);
    if ((spec.endsWith(".yaml") || spec.endsWith(".yml") || spec.contains("/"))
        && Files.isRegularFile(asFile)) {
      return new Entry(null, null, asFile, spec);
    }
    String id = spec;
    String version = null;
    int at = spec.indexOf('@');
    if (at >= 0) {
      id = spec.substring(0, at);
      version = spec.substring(at + 1);
    }
    String wantId = id;
    List<Entry> ofId = entries().stream().filter(e -> e.id().equals(wantId)).toList();
    if (ofId.isEmpty()) {
      throw new StandardException(
          List.of(new Problem(spec, 0, 0, "standard.error.notFound", List.of(id))));
    }
    if (version == null) {
      // The newest version; of equal versions the folder's copy (scanned first) wins.
      String newest = ofId.get(ofId.size() - 1).version();
      return ofId.stream().filter(e -> e.version().equals(newest)).findFirst().orElseThrow();
    }
    String wantVersion = version;
    Optional<Entry> exact = ofId.stream().filter(e -> e.version().equals(wantVersion)).findFirst();
    if (exact.isEmpty()) {
      String have = String.join(", ", ofId.stream().map(Entry::version).distinct().toList());
      throw new StandardException(
          List.of(
              new Problem(
                  spec, 0, 0, "standard.error.versionNotFound", List.of(id, version, have))));
    }
    return exact.get();
  }

  /**
   * Every version of a standard id, loaded, oldest first: for judging each snapshot by the version
   * in force on its date.
   *
   * @throws StandardException when the id is unknown or a version does not load
   */
  public List<Standard> versions(String id) throws StandardException {
    List<Entry> ofId = entries().stream().filter(e -> e.id().equals(id)).toList();
    if (ofId.isEmpty()) {
      throw new StandardException(
          List.of(new Problem(id, 0, 0, "standard.error.notFound", List.of(id))));
    }
    List<Standard> out = new java.util.ArrayList<>();
    java.util.Set<String> loaded = new java.util.HashSet<>();
    for (Entry e : ofId) {
      // Of equal versions the folder's copy (scanned first) wins, as in find().
      if (loaded.add(e.version())) {
        out.add(StandardLoader.load(e.path(), e.display()));
      }
    }
    return out;
  }

  /**
   * Of several versions of one standard, the one in force on a day: the latest {@code
   * effectiveFrom} on or before it (of equal dates the higher version); before the first, the
   * earliest (reports say it was not yet in force).
   */
  public static Standard inForceOn(List<Standard> versions, java.time.LocalDate day) {
    Standard best = null;
    Standard earliest = null;
    for (Standard s : versions) {
      java.time.LocalDate from =
          s.effectiveFrom() == null ? java.time.LocalDate.MIN : s.effectiveFrom();
      if (earliest == null || from.isBefore(effective(earliest))) {
        earliest = s;
      }
      if (!from.isAfter(day)
          && (best == null
              || from.isAfter(effective(best))
              || (from.equals(effective(best))
                  && Evaluator.compareVersions(s.version(), best.version()) > 0))) {
        best = s;
      }
    }
    return best != null ? best : earliest;
  }

  private static java.time.LocalDate effective(Standard s) {
    return s.effectiveFrom() == null ? java.time.LocalDate.MIN : s.effectiveFrom();
  }

  /**
   * The standard to judge a day by: {@code ID@VERSION} or a file as named; a bare id (or {@code
   * null}, the default id) the version of that id in force on the day ({@link #inForceOn}).
   *
   * @throws StandardException when nothing matches or a version does not load
   */
  public Standard loadInForce(String spec, java.time.LocalDate day) throws StandardException {
    if (spec != null && pinned(spec)) {
      return load(spec);
    }
    return inForceOn(versions(spec == null ? DEFAULT_ID : spec), day);
  }

  /** Whether a spec names one version ({@code ID@VERSION}) or a file, rather than a bare id. */
  public static boolean pinned(String spec) {
    return spec.contains("@")
        || spec.endsWith(".yaml")
        || spec.endsWith(".yml")
        || spec.contains("/")
        || spec.contains(java.io.File.separator);
  }

  /** Loads the standard a spec names ({@link #find}), or the default when {@code spec} is null. */
  public Standard load(String spec) throws StandardException {
    Entry e = find(spec == null ? DEFAULT_ID : spec);
    return StandardLoader.load(e.path(), e.display());
  }

  private static void scan(Path root, String prefix, List<Entry> out) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.sorted().toList()) {
        String id = dir.getFileName().toString().replace("/", "");
        // reference/ holds reference data and units/ the units files (docs/units.md).
        if (!Files.isDirectory(dir) || id.equals("reference") || id.equals("units")) {
          continue;
        }
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.sorted().toList()) {
            String name = f.getFileName().toString();
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
              String version = name.replaceFirst("\\.ya?ml$", "");
              out.add(new Entry(id, version, f, prefix + id + "/" + name));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code standards/} folder on the class path: a directory in a build, a folder in a jar. */
  static Path bundledRoot() {
    try {
      var location = StandardCatalog.class.getProtectionDomain().getCodeSource().getLocation();
      Path code = Path.of(location.toURI());
      if (Files.isDirectory(code)) {
        return code.resolve("standards");
      }
      URI jar = URI.create("jar:" + code.toUri());
      FileSystem fs;
      try {
        fs = FileSystems.newFileSystem(jar, Map.of());
      } catch (FileSystemAlreadyExistsException e) {
        fs = FileSystems.getFileSystem(jar);
      }
      return fs.getPath("/standards");
    } catch (URISyntaxException | IOException | RuntimeException e) {
      return null;
    }
  }
}
