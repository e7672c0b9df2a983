package vn.hatang.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;
import vn.hatang.core.snapshot.SnapshotException;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.StandardCatalog;
import vn.hatang.core.standard.StandardException;

/** Test fixtures: snapshot files under {@code snapshots/} and the bundled default standard. */
public final class Fixtures {
  /** Names of the snapshot fixtures that parse. */
  public static final String COMPLIANT = "compliant-pc.json";

  public static final String OLD = "old-pc.json";
  public static final String DISK_UNKNOWN = "disk-unknown-pc.json";
  public static final String MISSING = "missing-sections-pc.json";

  private Fixtures() {}

  /** The bytes of a snapshot fixture. */
  public static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/snapshots/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A parsed snapshot fixture. */
  public static Snapshot snapshot(String name) {
    try {
      return SnapshotCodec.read(bytes(name), name);
    } catch (SnapshotException e) {
      throw new AssertionError(e);
    }
  }

  /** The bundled default standard in force on the fixtures' day, 2026-11-25. */
  public static Standard defaultStandard() {
    try {
      return StandardCatalog.open(null).loadInForce(null, java.time.LocalDate.of(2026, 11, 25));
    } catch (StandardException e) {
      throw new AssertionError(e.problems().toString());
    }
  }

  /** Copies every snapshot fixture into a folder and returns it. */
  public static Path copySnapshots(Path dir, String... names) throws IOException {
    for (String n : names) {
      Files.write(dir.resolve(n), bytes(n));
    }
    return dir;
  }

  /** The repository's {@code standards/} folder (tests run in a module folder). */
  public static Path standardsDir() {
    Path p = Path.of("..", "standards").toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("standards/ not found from " + Path.of("").toAbsolutePath());
    }
    return p;
  }
}
