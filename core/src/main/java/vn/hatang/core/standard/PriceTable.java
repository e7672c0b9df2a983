package vn.hatang.core.standard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Unit prices of remediation actions, from a data file. Immutable.
 *
 * @param currency ISO currency code ({@code VND})
 * @param asOf date the prices were set
 * @param items price items by cost key
 */
public record PriceTable(String currency, LocalDate asOf, Map<String, Item> items) {
  public PriceTable {
    items = Map.copyOf(items);
  }

  /**
   * One priced action.
   *
   * @param title what is bought or done
   * @param unitCost cost of one unit, in the table's currency
   * @param source where the price comes from
   * @param perUnit whether the action is bought once per unit (a line upgrade), not per machine
   * @param monthly whether {@code unitCost} is a monthly charge (a plan budgets 12 months of it)
   * @param covers cost keys this action makes unnecessary on the same machine (a new PC needs no
   *     RAM upgrade)
   */
  public record Item(
      LocalizedText title,
      long unitCost,
      String source,
      boolean perUnit,
      boolean monthly,
      List<String> covers) {
    public Item {
      covers = covers == null ? List.of() : List.copyOf(covers);
    }

    /** A one-off action bought per machine. */
    public Item(LocalizedText title, long unitCost, String source) {
      this(title, unitCost, source, false, false, List.of());
    }
  }
}
