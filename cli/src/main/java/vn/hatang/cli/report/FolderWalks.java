package vn.hatang.cli.report;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hatang.core.check.InputError;

/**
 * The file lists of the folders a command reads, walked on a background thread from the command's
 * start: while it loads its standard, units and catalogues on one core, the other reads the folders
 * (a province's 100,000 files: most of a second of directory reads and {@code stat} calls). The
 * command's thread, once it wants a listing not finished yet, walks the rest of it with the walker
 * ({@link SharedWalk}) instead of waiting. A folder not walked ahead (named twice, or no folder
 * when the walk began) is walked when it is read, as before.
 */
public final class FolderWalks {
  /** Nothing walked ahead. */
  public static final FolderWalks NONE = new FolderWalks(Map.of());

  /** A folder's {@code *.json} files, sorted, and what could not be read in it, in order. */
  record Listing(List<Path> files, List<InputError> errors) {}

  private final Map<String, SharedWalk> ahead;

  private FolderWalks(Map<String, SharedWalk> ahead) {
    this.ahead = ahead;
  }

  /** Inputs beyond which nothing is walked ahead (a shell's glob of files: one stat each here). */
  static final int MAX_PATHS = 64;

  /**
   * Starts walking the paths that are folders, one after the other, on a daemon thread.
   *
   * @param paths the command's inputs as given ({@code -} and files are left alone; more than
   *     {@link #MAX_PATHS}: nothing is walked ahead)
   */
  public static FolderWalks start(List<String> paths) {
    if (paths.size() > MAX_PATHS) {
      return NONE;
    }
    Map<String, SharedWalk> ahead = new LinkedHashMap<>();
    for (String p : paths) {
      if (!p.equals("-") && !ahead.containsKey(p) && isDirectory(p)) {
        ahead.put(p, new SharedWalk(Path.of(p), p));
      }
    }
    if (ahead.isEmpty()) {
      return NONE;
    }
    // Its own copy: take() removes from the map while the walker goes on.
    List<SharedWalk> jobs = List.copyOf(ahead.values());
    Thread walker =
        new Thread(
            () -> {
              for (SharedWalk job : jobs) {
                job.work();
              }
            },
            "hatang-walk");
    walker.setDaemon(true);
    try {
      walker.start();
    } catch (OutOfMemoryError e) {
      return NONE; // no thread to be had: the folders are walked when they are read
    }
    return new FolderWalks(ahead);
  }

  /**
   * The listing of folder {@code p} if it was walked ahead and not taken yet (waits for it), else
   * {@code null}. What the walk threw is thrown here, as the walk on this thread would have.
   */
  Listing take(String p) {
    SharedWalk walk;
    synchronized (this) {
      walk = ahead.isEmpty() ? null : ahead.remove(p);
    }
    if (walk == null) {
      return null;
    }
    walk.work(); // what the walker has not started yet, walked here
    return SnapshotStream.joinHere(walk.listing());
  }

  private static boolean isDirectory(String p) {
    try {
      return Files.isDirectory(Path.of(p));
    } catch (InvalidPathException e) {
      return false; // reported when it is read
    }
  }
}
