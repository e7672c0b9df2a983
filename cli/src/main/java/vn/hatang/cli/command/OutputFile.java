package vn.hatang.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Model.CommandSpec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.UserException;
import vn.hatang.core.ExitCode;

/** Where a rendered report or plan goes: standard output, or a file written atomically. */
final class OutputFile {
  private OutputFile() {}

  /**
   * Prints {@code text} to standard output, or, with {@code output}, writes it to a temporary file
   * beside it and renames it over it: never half a file (exit 4 when it cannot be written).
   */
  static void print(CommandSpec spec, HatangMain.Context context, String text, Path output) {
    if (output == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
      return;
    }
    Path target = output.toAbsolutePath();
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), ".hatang-", ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      try {
        if (temp != null) {
          Files.deleteIfExists(temp);
        }
      } catch (IOException ignored) {
        // the error below is the one to report
      }
      throw new UserException(
          ExitCode.INTERNAL,
          "report.cannotWrite",
          output.toString(),
          String.valueOf(e.getMessage()));
    }
    spec.commandLine()
        .getErr()
        .println(context.messages().get("report.written", output.toString()));
  }
}
