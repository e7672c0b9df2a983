package vn.hatang.core.doc;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.hatang.core.check.State;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.Safe;
import vn.hatang.core.render.TextWidth;

/**
 * A {@link Doc} as an Excel workbook (fastexcel: streams the file, no POI-sized dependency): a
 * first sheet with the title and the lines about the document, then one sheet per table with its
 * header row bold and frozen, filters on, columns sized to their content, numbers stored as numbers
 * and days as dates (formatted for the reader's language), percentages as fractions shown as {@code
 * 0.0%}. Every string is stored as text, never as a formula, whatever it starts with; control
 * characters (not allowed in the file's XML) are neutralised.
 */
public final class XlsxWriter {
  /** Excel's limit on a cell's text. */
  private static final int MAX_TEXT = 32_767;

  private static final int MAX_WIDTH = 60;

  private XlsxWriter() {}

  /** Writes the workbook; {@code out} is not closed. */
  public static void write(Doc doc, Formats f, OutputStream out) throws IOException {
    boolean vi = "vi".equals(f.messages().locale().getLanguage());
    String dateFormat = vi ? "dd/mm/yyyy" : "yyyy-mm-dd";
    String currency = doc.currency() == null ? "" : doc.currency();
    String moneyFormat =
        currency.isEmpty()
            ? "#,##0"
            : "#,##0\" " + ("VND".equals(currency) && vi ? "₫" : currency.replace("\"", "")) + "\"";
    Workbook wb = new Workbook(new NonClosing(out), "hatang", "1.0");
    Set<String> names = new HashSet<>();
    Worksheet about = wb.newWorksheet(sheetName(f.messages().get("doc.aboutSheet"), names));
    about.value(0, 0, text(doc.title()));
    about.style(0, 0).bold().fontSize(14).set();
    int r = 2;
    for (String line : doc.about()) {
      about.value(r++, 0, text(line));
    }
    about.width(0, MAX_WIDTH * 2);
    if (doc.trend() != null) {
      Doc.Trend t = doc.trend();
      r++;
      about.value(r, 0, text(t.title()));
      about.style(r, 0).bold().set();
      for (int i = 0; i < t.labels().size(); i++) {
        about.value(r + 1 + i, 0, text(t.labels().get(i)));
        Double v = t.values().get(i);
        if (v != null) {
          about.value(r + 1 + i, 1, v / 100);
          about.style(r + 1 + i, 1).format("0.0%").set();
        }
      }
    }
    for (Doc.Table t : doc.tables()) {
      Worksheet ws = wb.newWorksheet(sheetName(t.sheet(), names));
      List<Doc.Column> cols = t.columns();
      int[] widths = new int[cols.size()];
      for (int c = 0; c < cols.size(); c++) {
        ws.value(0, c, text(cols.get(c).header()));
        ws.style(0, c).bold().fillColor("F0F3F6").wrapText(true).set();
        widths[c] = Math.max(6, TextWidth.of(text(cols.get(c).header())) + 2);
      }
      int row = 1;
      for (List<Object> cells : t.rows()) {
        put(ws, row++, cells, cols, f, widths, dateFormat, moneyFormat, false);
      }
      if (t.totals() != null) {
        put(ws, row++, t.totals(), cols, f, widths, dateFormat, moneyFormat, true);
      }
      int notesAt = row + 1;
      for (String note : t.notes()) {
        ws.value(notesAt++, 0, text(note));
      }
      for (int c = 0; c < cols.size(); c++) {
        ws.width(c, Math.min(MAX_WIDTH, widths[c]));
      }
      ws.freezePane(0, 1);
      ws.setAutoFilter(0, 0, Math.max(0, row - 1), cols.size() - 1);
    }
    wb.finish();
  }

  private static void put(
      Worksheet ws,
      int r,
      List<Object> cells,
      List<Doc.Column> cols,
      Formats f,
      int[] widths,
      String dateFormat,
      String moneyFormat,
      boolean bold) {
    for (int c = 0; c < cols.size(); c++) {
      Object v = cells.get(c);
      Doc.Kind kind = cols.get(c).kind();
      String format = null;
      int width;
      if (v == null) {
        continue;
      } else if (v instanceof Number n && kind != Doc.Kind.TEXT && kind != Doc.Kind.STATE) {
        switch (kind) {
          case PERCENT -> {
            ws.value(r, c, n.doubleValue() / 100);
            format = "0.0%";
          }
          case MONEY -> {
            ws.value(r, c, n.longValue());
            format = moneyFormat;
          }
          case INTEGER -> {
            ws.value(r, c, n.longValue());
            format = "#,##0";
          }
          default -> {
            ws.value(r, c, n.doubleValue());
            format = "#,##0.0#";
          }
        }
        width = f.number(n.doubleValue()).length() + 6;
      } else if (v instanceof LocalDate d) {
        ws.value(r, c, d);
        format = dateFormat;
        width = 12;
      } else {
        String s = v instanceof State st ? f.state(st) : text(String.valueOf(v));
        ws.value(r, c, s);
        width = TextWidth.of(s) + 2;
      }
      widths[c] = Math.max(widths[c], width);
      if (format != null || bold) {
        var style = ws.style(r, c);
        if (format != null) {
          style = style.format(format);
        }
        if (bold) {
          style = style.bold();
        }
        style.set();
      }
    }
  }

  /** Text fit for a cell: control characters neutralised, cut at Excel's limit. */
  static String text(String s) {
    String t = Safe.text(s);
    return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT - 1) + "…" : t;
  }

  /**
   * A sheet name Excel accepts: at most 31 characters, none of {@code []:*?/\}, not starting or
   * ending with an apostrophe, unique in the workbook (case-insensitively).
   */
  static String sheetName(String wanted, Set<String> taken) {
    String base = Safe.text(wanted).replaceAll("[\\[\\]:*?/\\\\]", "_").replaceAll("^'+|'+$", "");
    if (base.isBlank()) {
      base = "Sheet";
    }
    if (base.length() > 31) {
      base = base.substring(0, 31);
    }
    String name = base;
    for (int n = 2; taken.contains(name.toLowerCase(java.util.Locale.ROOT)); n++) {
      String suffix = " (" + n + ")";
      name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
    }
    taken.add(name.toLowerCase(java.util.Locale.ROOT));
    return name;
  }

  /** The workbook closes what it writes to when it finishes; the caller's stream stays open. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
