package vn.hatang.core.doc;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import vn.hatang.core.check.State;
import vn.hatang.core.render.Formats;

/**
 * A {@link Doc} as one self-contained web page: inline CSS, charts as inline SVG, no script, no
 * font, image or style fetched from anywhere (a Content-Security-Policy says so), so it opens the
 * same offline, forwarded by mail or years later. Printable on A4 for signing: table headings
 * repeat on each page, charts and rows are not split. Every text is escaped for HTML; agents'
 * strings cannot add markup.
 */
public final class HtmlWriter {
  private static final int CHART_WIDTH = 760;
  private static final int LABEL_WIDTH = 260;
  private static final int BAR_HEIGHT = 18;
  private static final int BAR_GAP = 6;

  private static final String STYLE =
      """
      :root { color-scheme: light; }
      body { font-family: "Segoe UI", "Noto Sans", Roboto, Arial, sans-serif; color: #1b1f24;
        margin: 24px auto; max-width: 1100px; padding: 0 16px; font-size: 14px; line-height: 1.45; }
      h1 { font-size: 22px; margin: 0 0 6px; }
      h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 2px solid #d0d7de; padding-bottom: 3px; }
      .about { color: #444; margin: 0 0 2px; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; font-size: 13px; }
      th, td { border: 1px solid #d0d7de; padding: 3px 6px; vertical-align: top; }
      th { background: #f0f3f6; text-align: left; font-weight: 600; font-size: 12px; }
      td { overflow-wrap: anywhere; }
      td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      tr.total td { font-weight: 700; background: #f6f8fa; }
      td.PASS { color: #116329; } td.FAIL { color: #a40e26; font-weight: 600; }
      td.UNKNOWN { color: #7d4e00; } td.WAIVED { color: #0550ae; } td.NOT_APPLICABLE { color: #6e7781; }
      .note { color: #444; margin: 2px 0; }
      svg { display: block; margin: 6px 0 10px; max-width: 100%; height: auto; }
      svg text { font-family: inherit; font-size: 12px; fill: #1b1f24; }
      svg .bar { fill: #2f81f7; } svg .bar.low { fill: #cf222e; } svg .axis { stroke: #8c959f; }
      svg .line { fill: none; stroke: #2f81f7; stroke-width: 2; } svg .dot { fill: #2f81f7; }
      footer { margin-top: 28px; color: #6e7781; font-size: 12px; }
      @page { size: A4; margin: 14mm 12mm; }
      @media print {
        body { margin: 0; max-width: none; font-size: 11px; }
        table { font-size: 10px; } th { font-size: 9.5px; }
        .scroll { overflow: visible; }
        thead { display: table-header-group; }
        tr, svg { break-inside: avoid; }
        h2 { break-after: avoid; }
      }
      """;

  private HtmlWriter() {}

  /**
   * Writes the page.
   *
   * @param generator the footer's words ({@code hatang 0.1.0}), for people
   */
  public static void write(Doc doc, Formats f, String generator, Writer out) throws IOException {
    String lang = f.messages().locale().getLanguage();
    out.write("<!DOCTYPE html>\n<html lang=\"" + esc(lang.isEmpty() ? "en" : lang) + "\">\n");
    out.write("<head>\n<meta charset=\"utf-8\">\n");
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.write(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'unsafe-inline'; img-src data:\">\n");
    out.write("<title>" + esc(doc.title()) + "</title>\n<style>\n" + STYLE + "</style>\n");
    out.write("</head>\n<body>\n<header>\n<h1>" + esc(doc.title()) + "</h1>\n");
    for (String line : doc.about()) {
      out.write("<p class=\"about\">" + esc(line) + "</p>\n");
    }
    out.write("</header>\n");
    if (doc.trend() != null) {
      out.write("<section class=\"trend\">\n<h2>" + esc(doc.trend().title()) + "</h2>\n");
      trend(doc.trend(), f, out);
      out.write("</section>\n");
    }
    int index = 0;
    for (Doc.Table t : doc.tables()) {
      out.write("<section id=\"t" + index++ + "\">\n<h2>" + esc(t.title()) + "</h2>\n");
      if (t.chart() != null && !t.chart().rows().isEmpty()) {
        bars(t, f, doc.currency(), out);
      }
      table(t, f, doc.currency(), out);
      for (String note : t.notes()) {
        out.write("<p class=\"note\">" + esc(note) + "</p>\n");
      }
      out.write("</section>\n");
    }
    out.write("<footer>" + esc(generator) + "</footer>\n</body>\n</html>\n");
    out.flush();
  }

  private static void table(Doc.Table t, Formats f, String currency, Writer out)
      throws IOException {
    // A column with no value in any row says nothing on a page: left out (the workbook keeps it).
    boolean[] shown = new boolean[t.columns().size()];
    for (int i = 0; i < shown.length; i++) {
      final int col = i;
      shown[i] = t.rows().isEmpty() || t.rows().stream().anyMatch(r -> r.get(col) != null);
    }
    out.write("<div class=\"scroll\"><table>\n<thead><tr>");
    for (int i = 0; i < shown.length; i++) {
      if (!shown[i]) {
        continue;
      }
      Doc.Column c = t.columns().get(i);
      out.write(Cells.right(c.kind()) ? "<th class=\"n\">" : "<th>");
      out.write(esc(c.header()) + "</th>");
    }
    out.write("</tr></thead>\n<tbody>\n");
    StringBuilder b = new StringBuilder();
    for (List<Object> row : t.rows()) {
      b.setLength(0);
      row(b, row, t.columns(), shown, f, currency, "<tr>");
      out.write(b.toString());
    }
    out.write("</tbody>\n");
    if (t.totals() != null) {
      b.setLength(0);
      b.append("<tfoot>");
      row(b, t.totals(), t.columns(), shown, f, currency, "<tr class=\"total\">");
      out.write(b + "</tfoot>\n");
    }
    out.write("</table></div>\n");
  }

  private static void row(
      StringBuilder b,
      List<Object> row,
      List<Doc.Column> cols,
      boolean[] shown,
      Formats f,
      String currency,
      String open) {
    b.append(open);
    for (int i = 0; i < cols.size(); i++) {
      if (!shown[i]) {
        continue;
      }
      Doc.Column c = cols.get(i);
      Object v = row.get(i);
      String cls = Cells.right(c.kind()) ? "n" : v instanceof State s ? s.name() : null;
      b.append(cls == null ? "<td>" : "<td class=\"" + cls + "\">");
      b.append(
          esc(v == null && open.contains("total") ? "" : Cells.text(v, c.kind(), f, currency)));
      b.append("</td>");
    }
    b.append("</tr>\n");
  }

  /** A horizontal bar per charted row: its label, a bar, the value written for the language. */
  private static void bars(Doc.Table t, Formats f, String currency, Writer out) throws IOException {
    Doc.Chart c = t.chart();
    Doc.Kind kind = t.columns().get(c.valueColumn()).kind();
    double max = c.max() == null ? 0 : c.max();
    if (c.max() == null) {
      for (int r : c.rows()) {
        max = Math.max(max, value(t.rows().get(r).get(c.valueColumn())));
      }
    }
    int n = c.rows().size();
    int height = n * (BAR_HEIGHT + BAR_GAP) + 28;
    int barSpace = CHART_WIDTH - LABEL_WIDTH - 80;
    out.write(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + " xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>\n",
            CHART_WIDTH,
            height,
            CHART_WIDTH,
            height,
            esc(c.title())));
    out.write(String.format(Locale.ROOT, "<text x=\"0\" y=\"14\">%s</text>\n", esc(c.title())));
    int y = 24;
    for (int r : c.rows()) {
      List<Object> row = t.rows().get(r);
      Object v = row.get(c.valueColumn());
      double x = value(v);
      double w = max <= 0 ? 0 : Math.max(0, Math.min(1, x / max)) * barSpace;
      String label = Cells.text(row.get(c.labelColumn()), Doc.Kind.TEXT, f, currency);
      if (label.codePointCount(0, label.length()) > 38) {
        label = label.substring(0, label.offsetByCodePoints(0, 37)) + "…";
      }
      boolean low = kind == Doc.Kind.PERCENT && v != null && x < 50;
      out.write(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                  + "<rect class=\"bar%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>"
                  + "<text x=\"%.1f\" y=\"%d\">%s</text>\n",
              LABEL_WIDTH - 6,
              y + BAR_HEIGHT - 5,
              esc(label),
              low ? " low" : "",
              LABEL_WIDTH,
              y,
              w,
              BAR_HEIGHT,
              LABEL_WIDTH + w + 4,
              y + BAR_HEIGHT - 5,
              esc(Cells.text(v, kind, f, currency))));
      y += BAR_HEIGHT + BAR_GAP;
    }
    out.write(
        String.format(
            Locale.ROOT,
            "<line class=\"axis\" x1=\"%d\" y1=\"20\" x2=\"%d\" y2=\"%d\"/>\n</svg>\n",
            LABEL_WIDTH,
            LABEL_WIDTH,
            y));
  }

  /** A line over the periods, the axis from 0 to the trend's maximum. */
  private static void trend(Doc.Trend t, Formats f, Writer out) throws IOException {
    int width = CHART_WIDTH;
    int height = 240;
    int left = 50;
    int right = 20;
    int top = 16;
    int bottom = 40;
    int n = t.labels().size();
    double plotW = width - left - right;
    double plotH = height - top - bottom;
    out.write(
        String.format(
            Locale.ROOT,
            "<svg class=\"trend\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + " xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>\n",
            width,
            height,
            width,
            height,
            esc(t.title())));
    for (int k = 0; k <= 4; k++) {
      double v = t.max() * k / 4;
      double y = top + plotH - plotH * k / 4;
      out.write(
          String.format(
              Locale.ROOT,
              "<line class=\"axis\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke-opacity=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
              left,
              y,
              width - right,
              y,
              k == 0 ? "1" : "0.3",
              left - 6,
              y + 4,
              esc(f.number(v))));
    }
    StringBuilder points = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double x = left + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
      out.write(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              x,
              height - bottom + 18,
              esc(t.labels().get(i))));
      Double v = t.values().get(i);
      if (v == null) {
        continue;
      }
      double y = top + plotH - plotH * Math.max(0, Math.min(1, v / t.max()));
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      dots.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/>"
                  + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
              x,
              y,
              x,
              y - 8,
              esc(f.number(v) + " %")));
    }
    if (points.length() > 0) {
      out.write("<polyline class=\"line\" points=\"" + points.toString().trim() + "\"/>\n");
    }
    out.write(dots + "</svg>\n");
  }

  private static double value(Object v) {
    return v instanceof Number n ? n.doubleValue() : 0;
  }

  /** Text escaped for HTML content and attribute values; control characters neutralised. */
  static String esc(String s) {
    String t = vn.hatang.core.render.Safe.text(s);
    StringBuilder out = new StringBuilder(t.length() + 16);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
