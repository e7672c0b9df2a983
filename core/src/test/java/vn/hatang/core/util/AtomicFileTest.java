package vn.hatang.core.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void aFileIsReplacedWholeOrNotAtAll() throws Exception {
    Path target = dir.resolve("sub/report.html");
    AtomicFile.write(target, out -> out.write("đầu tiên".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("đầu tiên");
    // A writer that fails half-way leaves the old content and no temporary file.
    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    target,
                    out -> {
                      out.write("half".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("đầu tiên");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.html");
    }
  }

  @Test
  void aSharedFileGetsTheFoldersPermissionsOrKeepsTheOnesItHad() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    // What any new file gets here (the umask's), against the owner-only temporary file of write().
    Path control = Files.createFile(dir.resolve("control"));
    Set<PosixFilePermission> usual = Files.getPosixFilePermissions(control);
    assumeTrue(!usual.equals(PosixFilePermissions.fromString("rw-------")), "umask 077 here");

    Path report = dir.resolve("out/report.json");
    AtomicFile.writeShared(report, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(report)).isEqualTo("{}");
    assertThat(Files.getPosixFilePermissions(report)).isEqualTo(usual);

    Path spool = dir.resolve("spool.json");
    AtomicFile.write(spool, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool)))
        .isEqualTo("rw-------");

    // Replacing a file keeps its permissions, whatever the umask says.
    Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw----"));
    AtomicFile.writeShared(report, out -> out.write("[]".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(report)).isEqualTo("[]");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
        .isEqualTo("rw-rw----");
    try (Stream<Path> files = Files.list(report.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
    }
  }
}
