package vn.hatang.core.score;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.Safe;
import vn.hatang.core.render.TextTable;

/** Scores for people (a ranked table with one column per criterion) and for spreadsheets. */
public final class ScoreTable {
  private ScoreTable() {}

  /** The ranked table, then each criterion's title. */
  public static String render(
      String period, String standard, List<Scores.UnitScore> scores, Formats f) {
    Messages m = f.messages();
    StringBuilder out = new StringBuilder();
    out.append(m.get("score.title", period, standard)).append("\n\n");
    if (scores.isEmpty()) {
      return out.append(m.get("score.none")).append('\n').toString();
    }
    List<Scores.Part> first = scores.get(0).parts();
    List<String[]> rows = new ArrayList<>();
    List<String> header =
        new ArrayList<>(
            List.of(
                m.get("col.rank"), m.get("col.code"), m.get("col.unitName"), m.get("col.level")));
    for (Scores.Part p : first) {
      header.add(p.criterionId());
    }
    header.add(m.get("col.points"));
    rows.add(header.toArray(String[]::new));
    for (Scores.UnitScore s : scores) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  Integer.toString(s.rank()),
                  Safe.text(s.code()),
                  Safe.text(s.name()),
                  Safe.text(s.level())));
      for (Scores.Part p : s.parts()) {
        row.add(p.figure() == null ? m.get("score.noData") : f.number(p.points()));
      }
      row.add(f.number(s.points()) + " / " + f.number(s.maxPoints()));
      rows.add(row.toArray(String[]::new));
    }
    boolean[] right = new boolean[header.size()];
    right[0] = true;
    for (int i = 4; i < right.length; i++) {
      right[i] = true;
    }
    out.append(TextTable.render(rows, right, ""));
    out.append('\n');
    for (Scores.Part p : first) {
      out.append(
              m.get(
                  "score.criterion",
                  p.criterionId(),
                  p.title() == null ? "" : p.title().in(m.locale()),
                  f.number(p.maxPoints())))
          .append('\n');
    }
    return out.toString();
  }

  /** One row per unit and criterion, stable English columns, UTF-8 BOM, CRLF. */
  public static String csv(String period, List<Scores.UnitScore> scores) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append("period,unit_code,unit_name,level,rank,criterion_id,figure,points,max_points,total")
        .append("\r\n");
    for (Scores.UnitScore s : scores) {
      for (Scores.Part p : s.parts()) {
        StringJoiner row = new StringJoiner(",");
        row.add(Safe.csvCell(period));
        row.add(Safe.csvCell(s.code()));
        row.add(Safe.csvCell(s.name()));
        row.add(Safe.csvCell(s.level()));
        row.add(Integer.toString(s.rank()));
        row.add(Safe.csvCell(p.criterionId()));
        row.add(p.figure() == null ? "" : TextTable.number(round(p.figure())));
        row.add(TextTable.number(round(p.points())));
        row.add(TextTable.number(p.maxPoints()));
        row.add(TextTable.number(round(s.points())));
        out.append(row).append("\r\n");
      }
    }
    return out.toString();
  }

  private static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }
}
