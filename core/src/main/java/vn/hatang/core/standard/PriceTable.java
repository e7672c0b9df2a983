package vn.hatang.core.standard;

import java.time.LocalDate;
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
   */
  public record Item(LocalizedText title, long unitCost, String source) {}
}
