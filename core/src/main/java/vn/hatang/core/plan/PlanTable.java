package vn.hatang.core.plan;

import java.util.ArrayList;
import java.util.List;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.Formats;
import vn.hatang.core.render.Safe;
import vn.hatang.core.render.TextTable;

/**
 * A plan for people: per unit its owner, its actions (quantity, unit price, cost, severity,
 * deadline, the checks cleared), its total and what could not be planned; then the budget request.
 */
public final class PlanTable {
  private PlanTable() {}

  public static String render(Plan plan, Formats f) {
    Messages m = f.messages();
    String currency = plan.currency() == null ? "" : plan.currency();
    StringBuilder out = new StringBuilder();
    out.append(m.get("plan.title", plan.period(), f.date(plan.planDate()), plan.standard()))
        .append('\n');
    for (Plan.UnitPlan u : plan.units()) {
      out.append('\n')
          .append(
              m.get(
                  "plan.unit",
                  Safe.text(u.code()),
                  Safe.text(u.name()),
                  u.owner() == null ? m.get("plan.noOwner") : Safe.text(u.owner())))
          .append('\n');
      if (!u.items().isEmpty()) {
        List<String[]> rows = new ArrayList<>();
        rows.add(
            new String[] {
              m.get("col.action"),
              m.get("col.quantity"),
              m.get("col.unitCost"),
              m.get("col.cost"),
              m.get("col.severity"),
              m.get("col.deadline"),
              m.get("col.checks")
            });
        for (Plan.Item i : u.items()) {
          rows.add(
              new String[] {
                i.action() == null ? i.id() : i.action().in(m.locale()),
                Integer.toString(i.quantity()),
                i.unitCost() == null
                    ? "—"
                    : f.money(i.unitCost(), currency) + (i.months() > 1 ? " × " + i.months() : ""),
                i.cost() == null ? m.get("plan.unpriced") : f.money(i.cost(), currency),
                m.get("severity." + i.severity()),
                f.date(i.deadline()),
                String.join(", ", i.checks())
              });
        }
        out.append(
            TextTable.render(
                rows,
                new boolean[] {false, true, true, true, false, false, false},
                "  ",
                new int[] {TextTable.MAX_CELL, 0, 0, 0, 0, 0, 0}));
      }
      out.append("  ").append(m.get("plan.unitTotal", f.money(u.total(), currency))).append('\n');
      if (u.unpriced() > 0) {
        out.append("  ").append(m.get("plan.unpricedNote", u.unpriced())).append('\n');
      }
      if (u.unknownMachines() > 0) {
        out.append("  ").append(m.get("plan.unknownMachines", u.unknownMachines())).append('\n');
      }
      if (u.silentMachines() > 0) {
        out.append("  ").append(m.get("plan.silentMachines", u.silentMachines())).append('\n');
      }
    }
    out.append('\n')
        .append(m.get("plan.total", plan.units().size(), f.money(plan.total(), currency)))
        .append('\n');
    return out.toString();
  }
}
