package vn.hatang.cli.command;

import java.util.ArrayList;
import java.util.List;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.plan.PlanReview;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.Safe;
import vn.hatang.core.render.TextTable;

/** A plan review for people: per unit its coverage, the gaps, the shortfalls, what is missing. */
final class ReviewTable {
  private ReviewTable() {}

  static String render(List<PlanReview.UnitReview> reviews, Formats f) {
    Messages m = f.messages();
    StringBuilder out = new StringBuilder();
    for (PlanReview.UnitReview r : reviews) {
      out.append(
              m.get(
                  "review.unit",
                  Safe.text(r.code()),
                  Safe.text(r.name()),
                  f.number(r.coveragePercent()) + " %",
                  r.covered(),
                  r.deficiencies()))
          .append('\n');
      if (!r.uncovered().isEmpty()) {
        out.append("  ").append(m.get("review.uncovered")).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {m.get("col.machine"), m.get("col.check")});
        for (PlanReview.Deficiency d : r.uncovered()) {
          rows.add(
              new String[] {
                d.machineId() == null ? m.get("review.theUnit") : Safe.text(d.machineId()),
                d.checkId()
              });
        }
        out.append(TextTable.render(rows, new boolean[2], "    "));
      }
      if (!r.shortfalls().isEmpty()) {
        out.append("  ").append(m.get("review.shortfalls")).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(
            new String[] {
              m.get("col.item"), m.get("col.check"), m.get("col.target"), m.get("col.required")
            });
        for (PlanReview.Shortfall s : r.shortfalls()) {
          rows.add(new String[] {Safe.text(s.itemId()), s.checkId(), s.target(), s.required()});
        }
        out.append(TextTable.render(rows, new boolean[4], "    "));
      }
      if (!r.incomplete().isEmpty()) {
        out.append("  ").append(m.get("review.incomplete")).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {m.get("col.item"), m.get("col.missingFields")});
        for (PlanReview.Incomplete i : r.incomplete()) {
          List<String> words = i.missing().stream().map(k -> m.get("review.field." + k)).toList();
          rows.add(new String[] {Safe.text(i.itemId()), String.join(", ", words)});
        }
        out.append(TextTable.render(rows, new boolean[2], "    "));
      }
      if (r.complete()) {
        out.append("  ").append(m.get("review.complete")).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }
}
