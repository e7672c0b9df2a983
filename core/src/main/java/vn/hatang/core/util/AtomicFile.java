package vn.hatang.core.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

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
   * temporary file is removed if anything fails.
   */
  public static void write(Path target, Body body) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    try {
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
