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
import java.util.ArrayList;
import java.util.List;
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
    List<String> whileWritten = new ArrayList<>();
    AtomicFile.writeShared(
        report,
        out -> {
          // Owner-only while the content goes in: nobody else can open it now and read it later.
          try (Stream<Path> files = Files.list(report.getParent())) {
            for (Path p : files.toList()) {
              whileWritten.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
          }
          out.write("{}".getBytes(StandardCharsets.UTF_8));
        });
    assertThat(whileWritten).containsExactly("rw-------");
    assertThat(Files.readString(report)).isEqualTo("{}");
    assertThat(Files.getPosixFilePermissions(report)).isEqualTo(usual);

    Path spool = dir.resolve("spool.json");
    AtomicFile.write(spool, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
    assertThat(perms(spool)).isEqualTo("rw-------");

    // Replacing its owner's file keeps its permissions, whatever the umask says: even read-only.
    Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw----r--"));
    AtomicFile.writeShared(report, out -> out.write("[]".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(report)).isEqualTo("[]");
    assertThat(perms(report)).isEqualTo("rw----r--");
    Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("r--r-----"));
    AtomicFile.writeShared(report, out -> out.write("[1]".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(report)).isEqualTo("[1]");
    assertThat(perms(report)).isEqualTo("r--r-----");
    try (Stream<Path> files = Files.list(report.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
    }

    // A link is replaced by a file of the usual permissions, not those of what it points to.
    Path open = Files.writeString(dir.resolve("open.txt"), "x");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), open);
    AtomicFile.writeShared(link, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.isSymbolicLink(link)).isFalse();
    assertThat(Files.getPosixFilePermissions(link)).isEqualTo(usual);
    assertThat(Files.readString(open)).isEqualTo("x");
  }

  @Test
  void anotherOwnersFileIsNotTakenAsAModel() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path control = Files.createFile(dir.resolve("control"));
    Set<PosixFilePermission> usual = Files.getPosixFilePermissions(control);
    Path theirs = Files.writeString(dir.resolve("theirs.json"), "{}");
    Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rw-rw-rw-"));
    try {
      Files.setOwner(
          theirs,
          theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
    } catch (IOException | UnsupportedOperationException e) {
      assumeTrue(false, "cannot give a file to another owner here (not root): " + e);
    }
    AtomicFile.writeShared(theirs, out -> out.write("[]".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(theirs)).isEqualTo("[]");
    assertThat(Files.getPosixFilePermissions(theirs)).isEqualTo(usual);
  }

  private static String perms(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
