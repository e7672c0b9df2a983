package vn.hatang.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
    write(spec, context, output, out -> out.write(text));
  }

  /** Text written as it is produced (a large report is not first held as one String). */
  @FunctionalInterface
  interface Body {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Writes {@code body} to standard output, or, with {@code output}, to a temporary file beside it
   * renamed over it once complete: never half a file (exit 4 when it cannot be written).
   */
  static void write(CommandSpec spec, HatangMain.Context context, Path output, Body body) {
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      try {
        body.writeTo(out);
      } catch (IOException e) {
        // Standard output is a PrintWriter, which does not throw; a body's own failure is a bug.
        throw new UncheckedIOException(e);
      }
      out.flush();
      return;
    }
    Path target = output.toAbsolutePath();
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), ".hatang-", ".tmp");
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        body.writeTo(out);
      }
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
