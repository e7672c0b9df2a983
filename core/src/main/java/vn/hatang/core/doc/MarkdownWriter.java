package vn.hatang.core.doc;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import vn.hatang.core.render.Formats;

/**
 * A {@link Doc} as Markdown for pasting into documents: a heading, the lines about it, then each
 * table as a GitHub-flavoured pipe table with numbers right-aligned and written for the language.
 * Cell text is escaped so that an agent's hostname cannot end a cell, make a Markdown link or
 * inject HTML (a bare address may still be autolinked by GitHub-flavoured renderers).
 */
public final class MarkdownWriter {
  private MarkdownWriter() {}

  public static void write(Doc doc, Formats f, Writer out) throws IOException {
    out.write("# " + inline(doc.title()) + "\n\n");
    for (String line : doc.about()) {
      out.write(inline(line) + "  \n");
    }
    if (!doc.about().isEmpty()) {
      out.write("\n");
    }
    if (doc.trend() != null) {
      Doc.Trend t = doc.trend();
      out.write("## " + inline(t.title()) + "\n\n");
      out.write("| " + String.join(" | ", t.labels().stream().map(MarkdownWriter::cell).toList()));
      out.write(" |\n|" + "---:|".repeat(t.labels().size()) + "\n|");
      for (Double v : t.values()) {
        out.write(" " + (v == null ? "—" : f.number(v) + " %") + " |");
      }
      out.write("\n\n");
    }
    for (Doc.Table t : doc.tables()) {
      out.write("## " + inline(t.title()) + "\n\n");
      List<Doc.Column> cols = t.columns();
      StringBuilder head = new StringBuilder("|");
      StringBuilder rule = new StringBuilder("|");
      for (Doc.Column c : cols) {
        head.append(' ').append(cell(c.header())).append(" |");
        rule.append(Cells.right(c.kind()) ? "---:|" : "---|");
      }
      out.write(head + "\n" + rule + "\n");
      for (List<Object> row : t.rows()) {
        out.write(line(row, cols, f, doc.currency(), false));
      }
      if (t.totals() != null) {
        out.write(line(t.totals(), cols, f, doc.currency(), true));
      }
      out.write("\n");
      for (String note : t.notes()) {
        out.write(inline(note) + "  \n");
      }
      if (!t.notes().isEmpty()) {
        out.write("\n");
      }
    }
    out.flush();
  }

  private static String line(
      List<Object> row, List<Doc.Column> cols, Formats f, String currency, boolean bold) {
    StringBuilder b = new StringBuilder("|");
    for (int i = 0; i < cols.size(); i++) {
      Object v = row.get(i);
      String text = v == null && bold ? "" : cell(Cells.text(v, cols.get(i).kind(), f, currency));
      b.append(' ').append(bold && !text.isEmpty() ? "**" + text + "**" : text).append(" |");
    }
    return b.append('\n').toString();
  }

  /** Text for a table cell: one line, pipes and Markdown's active characters escaped. */
  static String cell(String s) {
    return inline(s).replace("|", "\\|");
  }

  /** Text for a line of prose: control characters neutralised, Markdown syntax escaped. */
  static String inline(String s) {
    String t = vn.hatang.core.render.Safe.text(s).replace('\n', ' ').replace('\r', ' ');
    StringBuilder out = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '\\', '`', '*', '_', '[', ']', '#', '!', '~' -> out.append('\\').append(c);
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
