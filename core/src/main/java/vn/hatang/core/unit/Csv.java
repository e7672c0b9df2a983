package vn.hatang.core.unit;

import java.util.ArrayList;
import java.util.List;
import vn.hatang.core.standard.Problem;

/**
 * An RFC 4180 CSV reader that remembers where each field starts, so that problems are reported as
 * {@code file:line:col}: comma-separated, fields optionally in double quotes ({@code ""} for a
 * quote, line breaks allowed inside), CRLF or LF line ends, a UTF-8 byte-order mark ignored, empty
 * lines skipped. Stateless.
 */
final class Csv {
  private Csv() {}

  /**
   * One field.
   *
   * @param text the unquoted text
   * @param line 1-based line where the field starts
   * @param column 1-based column where the field starts
   */
  record Field(String text, int line, int column) {}

  /** One record: its fields and the line it starts on. */
  record Row(List<Field> fields, int line) {
    String get(int i) {
      return i < fields.size() ? fields.get(i).text() : "";
    }

    Field field(int i) {
      return i < fields.size() ? fields.get(i) : new Field("", line, 1);
    }
  }

  /**
   * Parses a whole text.
   *
   * @param maxRows most records read (the header included); more is a problem
   * @return the records, or {@code null} with the problem added when the text is not CSV
   */
  static List<Row> parse(String text, String file, int maxRows, List<Problem> problems) {
    List<Row> rows = new ArrayList<>();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    int line = 1;
    int col = 1;
    int n = text.length();
    while (i < n) {
      List<Field> fields = new ArrayList<>();
      int rowLine = line;
      boolean endOfRow = false;
      while (!endOfRow) {
        int fieldLine = line;
        int fieldCol = col;
        StringBuilder sb = new StringBuilder();
        if (i < n && text.charAt(i) == '"') {
          i++;
          col++;
          boolean closed = false;
          while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
              if (i + 1 < n && text.charAt(i + 1) == '"') {
                sb.append('"');
                i += 2;
                col += 2;
                continue;
              }
              i++;
              col++;
              closed = true;
              break;
            }
            sb.append(c);
            i++;
            if (c == '\n') {
              line++;
              col = 1;
            } else {
              col++;
            }
          }
          if (!closed) {
            problems.add(
                new Problem(file, fieldLine, fieldCol, "units.error.csvUnclosedQuote", List.of()));
            return null;
          }
          if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
            problems.add(new Problem(file, line, col, "units.error.csvAfterQuote", List.of()));
            return null;
          }
        } else {
          while (i < n) {
            char c = text.charAt(i);
            if (c == ',' || c == '\r' || c == '\n') {
              break;
            }
            if (c == '"') {
              problems.add(new Problem(file, line, col, "units.error.csvStrayQuote", List.of()));
              return null;
            }
            sb.append(c);
            i++;
            col++;
          }
        }
        fields.add(new Field(sb.toString(), fieldLine, fieldCol));
        if (i >= n) {
          endOfRow = true;
        } else if (text.charAt(i) == ',') {
          i++;
          col++;
        } else {
          if (text.charAt(i) == '\r') {
            i++;
          }
          if (i < n && text.charAt(i) == '\n') {
            i++;
          }
          line++;
          col = 1;
          endOfRow = true;
        }
      }
      if (fields.size() == 1 && fields.get(0).text().isEmpty()) {
        continue; // an empty line
      }
      if (rows.size() >= maxRows) {
        problems.add(new Problem(file, rowLine, 1, "units.error.tooManyRows", List.of(maxRows)));
        return null;
      }
      rows.add(new Row(List.copyOf(fields), rowLine));
    }
    return rows;
  }
}
