package vn.hatang.core.render;

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
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    String[][] cells = new String[rows.size()][];
    for (int r = 0; r < rows.size(); r++) {
      cells[r] = new String[cols];
      for (int c = 0; c < cols; c++) {
        int max = maxWidths == null ? MAX_CELL : maxWidths[c];
        String cell = Safe.text(rows.get(r)[c]);
        cells[r][c] = max > 0 ? TextWidth.truncate(cell, max) : cell;
        width[c] = Math.max(width[c], TextWidth.of(cells[r][c]));
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < cells.length; r++) {
      String[] row = cells[r];
      StringBuilder line = new StringBuilder(indent);
      for (int c = 0; c < cols; c++) {
        if (c > 0) {
          line.append("  ");
        }
        String padded =
            rightAligned[c]
                ? TextWidth.padLeft(row[c], width[c])
                : TextWidth.padRight(row[c], width[c]);
        if (styler != null && c == cols - 1) {
          padded = padded.stripTrailing();
        }
        line.append(styler == null ? padded : styler.style(r, c, padded));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** A number without a needless ".0", in ROOT form. */
  public static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
