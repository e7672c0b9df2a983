package vn.hatang.core.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

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
    int[] width = new int[cols];
    String[][] cells = new String[rows.size()][];
    int[][] widths = new int[rows.size()][];
    for (int r = 0; r < rows.size(); r++) {
      cells[r] = new String[cols];
      widths[r] = new int[cols];
      for (int c = 0; c < cols; c++) {
        int max = maxWidths == null ? MAX_CELL : maxWidths[c];
        String cell = TextWidth.nfc(Safe.text(rows.get(r)[c]));
        cells[r][c] = max > 0 ? TextWidth.truncateNfc(cell, max) : cell;
        widths[r][c] = TextWidth.ofNfc(cells[r][c]);
        width[c] = Math.max(width[c], widths[r][c]);
      }
    }
    StringBuilder line = new StringBuilder();
    for (int r = 0; r < cells.length; r++) {
      String[] row = cells[r];
      line.setLength(0);
      line.append(indent);
      for (int c = 0; c < cols; c++) {
        if (c > 0) {
          line.append("  ");
        }
        int pad = width[c] - widths[r][c];
        if (styler == null) {
          if (rightAligned[c]) {
            line.append(" ".repeat(Math.max(0, pad))).append(row[c]);
          } else {
            line.append(row[c]).append(" ".repeat(Math.max(0, pad)));
          }
          continue;
        }
        String padded =
            rightAligned[c]
                ? " ".repeat(Math.max(0, pad)) + row[c]
                : row[c] + " ".repeat(Math.max(0, pad));
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

  /** A number without a needless ".0", in ROOT form. */
  public static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
