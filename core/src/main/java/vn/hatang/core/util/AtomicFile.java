package vn.hatang.core.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
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
   * {@link #write} does, then, once it is complete and before the rename, gives it the permissions
   * of the file it replaces when that is a regular file of the same owner (and its group), else
   * those any new file gets in the folder (the umask's: {@code rw-r--r--} under 022). While it is
   * written it is its owner's alone, so nobody can open it then and read the content later; a
   * permission that cannot be set (a file system without them) leaves it so.
   */
  public static void writeShared(Path target, Body body) throws IOException {
    write(target, body, true);
  }

  private static void write(Path target, Body body, boolean shared) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    String prefix = "." + absolute.getFileName() + ".";
    Path temp = Files.createTempFile(dir, prefix, ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 65_536);
        body.writeTo(out);
        out.flush();
        channel.force(true);
      }
      if (shared) {
        share(temp, absolute, dir, prefix);
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

  /** Gives the finished {@code temp} the permissions {@link #writeShared} promises. */
  private static void share(Path temp, Path target, Path dir, String prefix) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
    if (view == null) {
      return; // no POSIX permissions here (Windows): as made
    }
    Set<PosixFilePermission> permissions = kept(target, view);
    if (permissions == null) {
      permissions = ofANewFile(dir, prefix);
    }
    try {
      view.setPermissions(permissions);
    } catch (IOException | UnsupportedOperationException e) {
      // A file system that keeps no permissions (vfat, some network shares): left owner-only.
    }
  }

  /**
   * The permissions of the file {@code target} (a link is not followed) when it is a regular file
   * of the owner of {@code temp}; its group goes to {@code temp} too, or, where that cannot be, the
   * group's permissions are left out. {@code null} for a new file, another owner's, or no file.
   */
  private static Set<PosixFilePermission> kept(Path target, PosixFileAttributeView temp) {
    try {
      PosixFileAttributes old =
          Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      PosixFileAttributes mine = temp.readAttributes();
      if (!old.isRegularFile() || !old.owner().equals(mine.owner())) {
        return null;
      }
      Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
      permissions.addAll(old.permissions());
      if (!old.group().equals(mine.group())) {
        try {
          temp.setGroup(old.group());
        } catch (IOException e) {
          permissions.removeAll(
              EnumSet.of(
                  PosixFilePermission.GROUP_READ,
                  PosixFilePermission.GROUP_WRITE,
                  PosixFilePermission.GROUP_EXECUTE));
        }
      }
      return permissions;
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  /**
   * What a file made in {@code dir} gets there (the umask applies): an empty file is made under a
   * random name (exclusively, so no link is followed), looked at and removed.
   */
  private static Set<PosixFilePermission> ofANewFile(Path dir, String prefix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path probe =
          dir.resolve(
              prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".p");
      try {
        Files.createFile(probe);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 99) {
          throw e;
        }
        continue;
      }
      try {
        return Files.getPosixFilePermissions(probe);
      } finally {
        Files.deleteIfExists(probe);
      }
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
