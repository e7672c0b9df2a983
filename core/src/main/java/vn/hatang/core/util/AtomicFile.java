package vn.hatang.core.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Writes files so that readers see the old content or the new, never half a file. */
public final class AtomicFile {
  private AtomicFile() {}

  /** What is written. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code body} to a temporary file in the target's folder (made as needed), flushes it to
   * the disk, then renames it over the target with {@code ATOMIC_MOVE} and flushes the folder
   * (where the platform allows it), so that a power cut leaves the old file or the new one. The
   * temporary file is removed if anything fails. The file is its owner's alone ({@code rw-------}
   * on POSIX, the temporary file's): spools, outboxes, configuration.
   */
  public static void write(Path target, Body body) throws IOException {
    write(target, body, false);
  }

  /**
   * Writes a file meant for others too (a report, a plan, a workbook given with {@code -o}) as
   * {@link #write} does, with the permissions a new file gets in its folder (the umask's: {@code
   * rw-r--r--} under 022), or those of the file it replaces, as an editor or {@code cp} would keep
   * them.
   */
  public static void writeShared(Path target, Body body) throws IOException {
    write(target, body, true);
  }

  private static void write(Path target, Body body, boolean shared) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    String prefix = "." + absolute.getFileName() + ".";
    Path temp = shared ? sharedTemp(dir, prefix) : Files.createTempFile(dir, prefix, ".tmp");
    try {
      if (shared) {
        keepPermissions(absolute, temp);
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 65_536);
        body.writeTo(out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      syncFolder(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * A new empty file in {@code dir}, made as any file is there (so the umask applies, where {@link
   * Files#createTempFile} makes it {@code rw-------}); its random name never follows a link to
   * another file (made exclusively).
   */
  private static Path sharedTemp(Path dir, String prefix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path temp =
          dir.resolve(
              prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 99) {
          throw e;
        }
      }
    }
  }

  /** Gives {@code temp} the POSIX permissions of {@code target} when it exists. */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    try {
      Set<PosixFilePermission> old = Files.getPosixFilePermissions(target);
      Files.setPosixFilePermissions(temp, old);
    } catch (NoSuchFileException | UnsupportedOperationException e) {
      // A new file, or no POSIX permissions here (Windows): the folder's defaults stand.
    }
  }

  /**
   * Flushes a folder's entries (the rename) to the disk. Windows cannot open a folder as a file;
   * NTFS journals the rename itself, so a failure here is ignored.
   */
  public static void syncFolder(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported on this platform or file system: the rename stands as the OS keeps it.
    }
  }
}
