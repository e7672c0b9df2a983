package vn.hatang.core.plan;

import java.util.List;
import java.util.StringJoiner;
import vn.hatang.core.render.Safe;

/**
 * A plan for spreadsheets: one row per item, UTF-8 with a byte-order mark, CRLF, stable English
 * column names, amounts as plain integers, cells that could run as formulas neutralised.
 */
public final class PlanCsv {
  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "period",
          "unit_code",
          "unit_name",
          "owner",
          "item_id",
          "action",
          "cost_key",
          "quantity",
          "unit_cost",
          "months",
          "cost",
          "currency",
          "severity",
          "deadline",
          "checks",
          "machines");

  private PlanCsv() {}

  /** Renders the plan, action texts in the given language ({@code vi} or {@code en}). */
  public static String render(Plan plan, java.util.Locale locale) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append(String.join(",", COLUMNS)).append("\r\n");
    for (Plan.UnitPlan u : plan.units()) {
      for (Plan.Item i : u.items()) {
        StringJoiner row = new StringJoiner(",");
        cell(row, plan.period());
        cell(row, u.code());
        cell(row, u.name());
        cell(row, i.owner());
        cell(row, i.id());
        cell(row, i.action() == null ? null : i.action().in(locale));
        cell(row, i.costKey());
        row.add(Integer.toString(i.quantity()));
        row.add(i.unitCost() == null ? "" : Long.toString(i.unitCost()));
        row.add(Integer.toString(i.months()));
        row.add(i.cost() == null ? "" : Long.toString(i.cost()));
        cell(row, plan.currency());
        cell(row, i.severity());
        cell(row, i.deadline().toString());
        cell(row, String.join(" ", i.checks()));
        row.add(Integer.toString(i.machines().size()));
        out.append(row).append("\r\n");
      }
    }
    return out.toString();
  }

  private static void cell(StringJoiner row, String value) {
    row.add(Safe.csvCell(value));
  }
}
