package vn.hatang.core.doc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import vn.hatang.core.render.Formats;

/** Writes a {@link Doc} in a document format, and files atomically. */
public final class DocOutput {
  private DocOutput() {}

  /** What is written to a file. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Whether a format name is a document format ({@code xlsx}, {@code html}, {@code md}). */
  public static boolean isDocument(String format) {
    return format.equals("xlsx") || format.equals("html") || format.equals("md");
  }

  /** Whether a document format is binary (not text for a terminal or a writer). */
  public static boolean isBinary(String format) {
    return format.equals("xlsx");
  }

  /**
   * Writes {@code doc} in a document format as bytes (UTF-8 for the text formats).
   *
   * @param generator the page footer's words ({@code hatang 0.1.0})
   */
  public static void write(Doc doc, String format, Formats f, String generator, OutputStream out)
      throws IOException {
    if (isBinary(format)) {
      XlsxWriter.write(doc, f, out);
      return;
    }
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    write(doc, format, f, generator, w);
    w.flush();
  }

  /** Writes {@code doc} in a text document format ({@code html} or {@code md}). */
  public static void write(Doc doc, String format, Formats f, String generator, Writer out)
      throws IOException {
    switch (format) {
      case "html" -> HtmlWriter.write(doc, f, generator, out);
      case "md" -> MarkdownWriter.write(doc, f, out);
      default -> throw new IllegalArgumentException("not a text document format: " + format);
    }
  }

  /**
   * Writes a file whole or not at all, flushed to the disk ({@link
   * vn.hatang.core.util.AtomicFile}): a temporary file beside {@code target} (its folders made as
   * needed), renamed over it once complete; the temporary file is removed on failure. The file gets
   * the permissions a new file gets in its folder, or those of the file it replaces ({@link
   * vn.hatang.core.util.AtomicFile#writeShared}).
   */
  public static void atomically(Path target, Body body) throws IOException {
    vn.hatang.core.util.AtomicFile.writeShared(target, body::writeTo);
  }
}
