package vn.hatang.agent.hardware;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds programs on the {@code PATH}. */
final class Executables {
  private Executables() {}

  /** Whether an executable of this name is on the {@code PATH}. */
  static boolean onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }
}
