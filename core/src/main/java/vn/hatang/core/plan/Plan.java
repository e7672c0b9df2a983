package vn.hatang.core.plan;

import java.time.LocalDate;
import java.util.List;
import vn.hatang.core.standard.LocalizedText;

/**
 * A remediation plan: per unit, the actions that clear its deficiencies as grouped quantities, with
 * their cost, owner and deadline; totals per unit and overall (the budget request). Plain data that
 * round-trips through JSON ({@link PlanCodec}); units edit it as their draft for {@code hatang plan
 * review}. See {@code docs/plan.md}.
 *
 * @param format plan format version ({@link #FORMAT})
 * @param period the report period it answers ({@code 2026-11})
 * @param planDate the day deadlines count from
 * @param standard the standard version ({@code id@version}) whose prices and deadlines it uses
 * @param currency currency of the costs ({@code VND})
 * @param units the units with actions, in report order
 * @param total the overall cost (the budget request); items without a price are not in it
 */
public record Plan(
    int format,
    String period,
    LocalDate planDate,
    String standard,
    String currency,
    List<UnitPlan> units,
    long total) {
  /** The format this build writes and reads. */
  public static final int FORMAT = 1;

  public Plan {
    units = List.copyOf(units);
  }

  /**
   * One unit's plan.
   *
   * @param code unit code
   * @param name unit name
   * @param owner who owns the plan (the head of unit), or {@code null} when the units file has none
   * @param items the actions
   * @param total the unit's cost
   * @param unpriced items without a price (their cost is not in the total)
   * @param unknownMachines judged machines with UNKNOWN findings: to be checked, not planned
   * @param silentMachines machines silent or never seen: their needs are not known
   */
  public record UnitPlan(
      String code,
      String name,
      String owner,
      List<Item> items,
      long total,
      int unpriced,
      int unknownMachines,
      int silentMachines) {
    public UnitPlan {
      items = List.copyOf(items);
    }
  }

  /**
   * One action, grouped.
   *
   * @param id stable id within the plan ({@code UNIT/COST_KEY} or {@code UNIT/check:ID})
   * @param action the action, for people
   * @param costKey price key, or {@code null} when the check names none
   * @param checks the check ids it clears
   * @param machines the machines it concerns (empty for a unit action)
   * @param quantity how many (machines, pieces, or 1 for a unit action)
   * @param unitCost price of one, or {@code null} when unpriced
   * @param months months budgeted for a monthly charge, else 1
   * @param cost {@code quantity × unitCost × months}, or {@code null} when unpriced
   * @param severity the highest severity among the deficiencies it clears, lower case
   * @param deadline by when
   * @param owner who is responsible
   * @param target what the action brings the checks' figure to, when a draft says so (RAM raised to
   *     4 GiB: {@code {value: 4, unit: GiB}}); {@code null} when the action is taken to meet the
   *     requirement
   */
  public record Item(
      String id,
      LocalizedText action,
      String costKey,
      List<String> checks,
      List<String> machines,
      int quantity,
      Long unitCost,
      int months,
      Long cost,
      String severity,
      LocalDate deadline,
      String owner,
      Target target) {
    public Item {
      checks = checks == null ? List.of() : List.copyOf(checks);
      machines = machines == null ? List.of() : List.copyOf(machines);
    }
  }

  /**
   * The figure an action reaches.
   *
   * @param value the value
   * @param unit its unit ({@code GiB}, {@code Mbps nominal}), or {@code null} for a count
   */
  public record Target(double value, String unit) {}
}
