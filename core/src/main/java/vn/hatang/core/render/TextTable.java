package vn.hatang.core.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Aligned plain-text tables: columns padded by display width ({@link TextWidth}), untrusted cells
 * neutralised ({@link Safe}), long cells cut with "…". The first row is the header.
 */
public final class TextTable {
  /** Widest cell, in columns. */
  public static final int MAX_CELL = 48;

  private TextTable() {}

  /**
   * Renders rows.
   *
   * @param rows rows, the first being the header
   * @param rightAligned which columns are right-aligned (numbers)
   * @param indent text before each line
   */
  public static String render(List<String[]> rows, boolean[] rightAligned, String indent) {
    return render(rows, rightAligned, indent, null);
  }

  /**
   * Renders rows with a width limit per column.
   *
   * @param maxWidths per column, 0 for no limit; {@code null} for {@link #MAX_CELL} everywhere
   */
  public static String render(
      List<String[]> rows, boolean[] rightAligned, String indent, int[] maxWidths) {
    return render(rows, rightAligned, indent, maxWidths, null);
  }

  /** Decorates a padded cell (colours): display width must not change. */
  @FunctionalInterface
  public interface Styler {
    /**
     * @param row the row (0 = header)
     * @param column the column
     * @param padded the cell, padded to its column's width
     */
    String style(int row, int column, String padded);
  }

  /**
   * Renders rows with a width limit per column and a styler applied to each padded cell.
   *
   * @param styler colours cells after padding, or {@code null}
   */
  public static String render(
      List<String[]> rows, boolean[] rightAligned, String indent, int[] maxWidths, Styler styler) {
    StringBuilder out = new StringBuilder();
    try {
      render(rows, rightAligned, indent, maxWidths, styler, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return out.toString();
  }

  /**
   * Renders rows as {@link #render(List, boolean[], String, int[], Styler)} does, a line at a time
   * to {@code out}.
   *
   * @throws IOException if {@code out} cannot be written
   */
  public static void render(
      List<String[]> rows,
      boolean[] rightAligned,
      String indent,
      int[] maxWidths,
      Styler styler,
      Appendable out)
      throws IOException {
    int cols = rows.get(0).length;
    List<Cell[]> cells = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      Cell[] prepared = new Cell[cols];
      for (int c = 0; c < cols; c++) {
        prepared[c] = Cell.of(row[c], maxWidths == null ? MAX_CELL : maxWidths[c]);
      }
      cells.add(prepared);
    }
    renderCells(cells, rightAligned, indent, styler, out);
  }

  /**
   * A cell ready for a table: neutralised ({@link Safe}), in NFC, cut to its column's limit, with
   * its display width. Made once, a cell that recurs (a check's title, a state word) is not
   * measured again in every table it goes into.
   *
   * @param text the text as shown
   * @param width its display width in columns
   */
  public static final class Cell {
    /** The empty cell. */
    public static final Cell EMPTY = new Cell("", 0);

    private final String text;
    private final int width;

    /** Its UTF-8 bytes, made when first written as bytes (racing threads make equal ones). */
    private Encoded encoded;

    /**
     * @param text the text as shown
     * @param width its display width in columns
     */
    public Cell(String text, int width) {
      this.text = Objects.requireNonNull(text);
      this.width = width;
    }

    /** The text as shown. */
    public String text() {
      return text;
    }

    /** Its display width in columns. */
    public int width() {
      return width;
    }

    /**
     * A cell of untrusted text.
     *
     * @param raw the text ({@code null}: empty)
     * @param max the column's limit in columns, 0 for none
     */
    public static Cell of(String raw, int max) {
      if (raw == null || raw.isEmpty()) {
        return EMPTY;
      }
      // Printable ASCII (nearly every cell in English): safe, NFC, one column a character.
      int n = raw.length();
      int i = 0;
      while (i < n) {
        char c = raw.charAt(i);
        if (c < 0x20 || c > 0x7E) {
          break;
        }
        i++;
      }
      if (i == n) {
        return max > 0 && n > max
            ? new Cell(raw.substring(0, Math.max(0, max - 1)) + "…", max)
            : new Cell(raw, n);
      }
      String cell = TextWidth.nfc(Safe.text(raw));
      if (max > 0) {
        cell = TextWidth.truncateNfc(cell, max);
      }
      return new Cell(cell, TextWidth.ofNfc(cell));
    }

    private Encoded encoded() {
      Encoded e = encoded;
      if (e == null) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int kept = text.length();
        while (kept > 0 && Character.isWhitespace(text.charAt(kept - 1))) {
          kept--;
        }
        int end =
            kept == text.length()
                ? bytes.length
                : text.substring(0, kept).getBytes(StandardCharsets.UTF_8).length;
        e = new Encoded(bytes, end);
        encoded = e;
      }
      return e;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Cell c && c.width == width && c.text.equals(text);
    }

    @Override
    public int hashCode() {
      return 31 * text.hashCode() + width;
    }

    @Override
    public String toString() {
      return "Cell[text=" + text + ", width=" + width + "]";
    }
  }

  /** A cell's UTF-8 bytes, and how many of them come before its trailing whitespace. */
  private record Encoded(byte[] bytes, int end) {}

  /** Spaces to pad with, cut to length. */
  private static final String SPACES = " ".repeat(256);

  /**
   * Renders rows of cells already made, a line at a time to {@code out}: columns padded to their
   * widest cell, two spaces apart, trailing spaces dropped. The first row is the header.
   *
   * @throws IOException if {@code out} cannot be written
   */
  public static void renderCells(
      List<Cell[]> rows, boolean[] rightAligned, String indent, Styler styler, Appendable out)
      throws IOException {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (Cell[] row : rows) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], row[c].width());
      }
    }
    StringBuilder line = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      Cell[] row = rows.get(r);
      line.setLength(0);
      line.append(indent);
      for (int c = 0; c < cols; c++) {
        if (c > 0) {
          line.append("  ");
        }
        int pad = Math.max(0, width[c] - row[c].width());
        String text = row[c].text();
        if (styler == null) {
          if (rightAligned[c]) {
            spaces(line, pad).append(text);
          } else {
            spaces(line.append(text), pad);
          }
          continue;
        }
        String padded = rightAligned[c] ? " ".repeat(pad) + text : text + " ".repeat(pad);
        if (c == cols - 1) {
          padded = padded.stripTrailing();
        }
        line.append(styler.style(r, c, padded));
      }
      int end = line.length();
      while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
        end--;
      }
      out.append(line, 0, end).append('\n');
    }
  }

  /**
   * Renders rows of cells already made as {@link #renderCells(List, boolean[], String, Styler,
   * Appendable)} does without a styler, in UTF-8 to {@code out}: the same text, without making it
   * as characters first. Lines are gathered and written some 64 KiB at a time. The first row is the
   * header.
   *
   * @param indent text before each line
   * @throws IOException if {@code out} cannot be written
   */
  public static void renderCells(
      List<Cell[]> rows, boolean[] rightAligned, Cell indent, OutputStream out) throws IOException {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (Cell[] row : rows) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], row[c].width());
      }
    }
    Encoded in = indent.encoded();
    Lines lines = SCRATCH.get();
    lines.length = 0;
    for (Cell[] row : rows) {
      lines.line(in, row, width, rightAligned);
      if (lines.length >= FLUSH) {
        out.write(lines.buf, 0, lines.length);
        lines.length = 0;
      }
    }
    out.write(lines.buf, 0, lines.length);
    if (lines.buf.length > MAX_SCRATCH) {
      lines.buf = new byte[FIRST]; // grown past a big table's needs (a line of megabytes)
    }
  }

  /** Lines gathered before they are written, in bytes. */
  private static final int FLUSH = 1 << 16;

  /**
   * Each thread's line buffer for {@link #renderCells(List, boolean[], Cell, OutputStream)}: a
   * check renders a table per machine, and a new buffer each time was a tenth of its allocation. An
   * {@link OutputStream} does not keep what it is given, so the buffer is free again on return.
   */
  private static final ThreadLocal<Lines> SCRATCH = ThreadLocal.withInitial(Lines::new);

  /**
   * A buffer grown past this is dropped after its table: a big table needs {@link #FLUSH} and a
   * line more.
   */
  private static final int MAX_SCRATCH = 4 * FLUSH;

  /** A thread's first buffer: a machine's deficiency table fits (some 2–3 KiB). */
  private static final int FIRST = 8 * 1024;

  /** Lines put one after another in a buffer that grows when needed. */
  private static final class Lines {
    byte[] buf = new byte[FIRST];
    int length;

    /**
     * Puts one line: the indent, the cells padded to their columns' widths, two spaces apart,
     * trailing whitespace dropped, a line feed. Its own method, hot from many small tables (a
     * machine's deficiencies) before a big one (the machine table): the caller's branches for a big
     * table do not undo its compiled code.
     */
    void line(Encoded in, Cell[] row, int[] width, boolean[] rightAligned) {
      byte[] b = buf;
      int at = length;
      // kept: where the line ends without its trailing whitespace.
      int kept = at;
      b = put(b, at, in.bytes(), in.bytes().length);
      if (in.end() > 0) {
        kept = at + in.end();
      }
      at += in.bytes().length;
      for (int c = 0; c < width.length; c++) {
        if (c > 0) {
          b = putSpaces(b, at, 2);
          at += 2;
        }
        int pad = Math.max(0, width[c] - row[c].width());
        if (rightAligned[c]) {
          b = putSpaces(b, at, pad);
          at += pad;
        }
        Encoded e = row[c].encoded();
        b = put(b, at, e.bytes(), e.bytes().length);
        if (e.end() > 0) {
          kept = at + e.end();
        }
        at += e.bytes().length;
        if (!rightAligned[c]) {
          b = putSpaces(b, at, pad);
          at += pad;
        }
      }
      b = putSpaces(b, kept, 1);
      b[kept] = '\n';
      buf = b;
      length = kept + 1;
    }
  }

  /** {@code n} bytes of {@code bytes} put at {@code at} in {@code line}, grown when needed. */
  private static byte[] put(byte[] line, int at, byte[] bytes, int n) {
    byte[] l =
        line.length >= at + n ? line : Arrays.copyOf(line, Math.max(at + n, 2 * line.length));
    System.arraycopy(bytes, 0, l, at, n);
    return l;
  }

  private static byte[] putSpaces(byte[] line, int at, int n) {
    byte[] l =
        line.length >= at + n ? line : Arrays.copyOf(line, Math.max(at + n, 2 * line.length));
    for (int done = 0; done < n; done += SPACE_BYTES.length) {
      System.arraycopy(SPACE_BYTES, 0, l, at + done, Math.min(SPACE_BYTES.length, n - done));
    }
    return l;
  }

  /** Spaces to pad with, as bytes. */
  private static final byte[] SPACE_BYTES = SPACES.getBytes(StandardCharsets.US_ASCII);

  private static StringBuilder spaces(StringBuilder line, int n) {
    for (int left = n; left > 0; left -= SPACES.length()) {
      line.append(SPACES, 0, Math.min(left, SPACES.length()));
    }
    return line;
  }

  /** A number without a needless ".0", in ROOT form. */
  public static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
