package vn.hatang.agent.collect;

import java.io.IOException;
import java.nio.file.Path;
import vn.hatang.core.util.AtomicFile;

/** Writes files so that readers see the old content or the new, never half a file. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes {@code content} to a temporary file in the target's folder, flushes it to the disk, then
   * renames it over the target with {@code ATOMIC_MOVE} and flushes the folder (where the platform
   * allows it), so that a power cut leaves the old file or the new one ({@link AtomicFile}).
   */
  public static void write(Path target, byte[] content) throws IOException {
    AtomicFile.write(target, out -> out.write(content));
  }

  /** Flushes a folder's entries (the rename) to the disk ({@link AtomicFile#syncFolder}). */
  public static void syncFolder(Path dir) {
    AtomicFile.syncFolder(dir);
  }
}
