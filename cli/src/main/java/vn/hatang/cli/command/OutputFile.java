package vn.hatang.cli.command;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import vn.hatang.cli.HatangMain;
import vn.hatang.cli.UserException;
import vn.hatang.core.ExitCode;
import vn.hatang.core.doc.DocOutput;

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
      // A PrintWriter keeps its errors: a full disk under "> file" or a closed pipe must not end
      // with exit 0 and a truncated result.
      if (out.checkError()) {
        throw new UserException(ExitCode.INTERNAL, "output.stdoutFailed");
      }
      return;
    }
    toFile(
        spec,
        context,
        output,
        bytes -> {
          Writer out = new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8);
          body.writeTo(out);
          out.flush();
        });
  }

  /**
   * Writes text that {@code body} gives as UTF-8 bytes (a check run's parts, kept encoded) to
   * standard output, or to {@code output} atomically, as {@link #write} does. On standard output
   * the bytes go straight to its stream; where there is none (in-process runs), through its writer.
   */
  static void writeUtf8(
      CommandSpec spec, HatangMain.Context context, Path output, BinaryBody body) {
    if (output != null) {
      toFile(spec, context, output, body);
      return;
    }
    OutputStream bytes = context.stdout().bytes();
    if (bytes == null) {
      write(
          spec,
          context,
          null,
          out -> {
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            body.writeTo(text);
            out.write(text.toString(StandardCharsets.UTF_8));
          });
      return;
    }
    spec.commandLine().getOut().flush();
    Watched stdout = new Watched(bytes);
    try {
      OutputStream buffered = new java.io.BufferedOutputStream(stdout, 1 << 16);
      body.writeTo(buffered);
      buffered.flush();
    } catch (IOException e) {
      if (stdout.failed) {
        throw new UserException(ExitCode.INTERNAL, "output.stdoutFailed");
      }
      throw new UncheckedIOException(e); // the body's own failure (its spool): not stdout's
    }
    // A PrintStream keeps its errors: a full disk under "> file" or a closed pipe must not end with
    // exit 0 and a truncated result.
    if (bytes instanceof java.io.PrintStream ps && ps.checkError()) {
      throw new UserException(ExitCode.INTERNAL, "output.stdoutFailed");
    }
  }

  /** A stream that remembers whether writing to it failed (not what is being written). */
  private static final class Watched extends java.io.FilterOutputStream {
    boolean failed;

    Watched(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }
  }

  /** Writes a file atomically and says so on stderr; exit 4 when it cannot be written. */
  private static void toFile(
      CommandSpec spec, HatangMain.Context context, Path output, BinaryBody body) {
    try {
      DocOutput.atomically(output, body::writeTo);
    } catch (IOException e) {
      throw new UserException(
          ExitCode.INTERNAL,
          "report.cannotWrite",
          output.toString(),
          String.valueOf(e.getMessage()));
    }
    if (!context.quiet()) {
      spec.commandLine()
          .getErr()
          .println(context.messages().get("report.written", output.toString()));
    }
  }

  /** Bytes written as they are produced (a workbook). */
  @FunctionalInterface
  interface BinaryBody {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes a binary {@code body} to {@code output} (atomically, as {@link #write}) or, without one,
   * to standard output when it is not a terminal; a terminal gets a usage error (exit 2) naming
   * {@code -o}, not a screen of binary.
   */
  static void writeBinary(
      CommandSpec spec, HatangMain.Context context, Path output, String format, BinaryBody body) {
    if (output == null) {
      OutputStream bytes = context.stdout().bytes();
      if (bytes == null || context.stdout().terminal()) {
        throw new UserException(ExitCode.USAGE, "output.binaryNeedsFile", format);
      }
      spec.commandLine().getOut().flush();
      try {
        body.writeTo(bytes);
        bytes.flush();
      } catch (IOException e) {
        throw new UserException(ExitCode.INTERNAL, "output.stdoutFailed");
      }
      if (bytes instanceof java.io.PrintStream ps && ps.checkError()) {
        throw new UserException(ExitCode.INTERNAL, "output.stdoutFailed");
      }
      return;
    }
    toFile(spec, context, output, body);
  }

  /**
   * Writes a document in a document format ({@code xlsx}, {@code html}, {@code md}) to {@code
   * output} or standard output.
   */
  static void document(
      CommandSpec spec,
      HatangMain.Context context,
      OutputOptions.Format format,
      Path output,
      vn.hatang.core.doc.Doc doc) {
    vn.hatang.core.render.Formats f = new vn.hatang.core.render.Formats(context.messages());
    String generator = new HatangMain.Version().getVersion()[0];
    if (DocOutput.isBinary(format.name())) {
      writeBinary(
          spec,
          context,
          output,
          format.name(),
          out -> DocOutput.write(doc, format.name(), f, generator, out));
    } else {
      write(spec, context, output, out -> DocOutput.write(doc, format.name(), f, generator, out));
    }
  }

  /** A usage error for a format a command does not write (its output is not a document). */
  static UserException notHere(OutputOptions.Format format) {
    return new UserException(ExitCode.USAGE, "output.formatNotHere", format.name());
  }
}
