package vn.hatang.agent.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.hatang.core.snapshot.AntivirusProduct;

/** Parses Windows Security Center's antivirus list and decodes its {@code productState}. */
public final class AntivirusParser {
  private AntivirusParser() {}

  /**
   * Parses {@code Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct |
   * Select-Object displayName,productState | ConvertTo-Csv -NoTypeInformation}.
   */
  public static List<AntivirusProduct> parseCsv(String text) {
    List<AntivirusProduct> products = new ArrayList<>();
    for (Map<String, String> row : CsvTable.parse(text)) {
      String name = OshiValues.text(row.get("displayName"));
      Long state = parseState(row.get("productState"));
      products.add(
          new AntivirusProduct(
              name,
              state == null ? null : isEnabled(state),
              state == null ? null : isUpToDate(state),
              state));
    }
    return products;
  }

  private static Long parseState(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long state = Long.parseLong(value.strip());
      return state < 0 ? null : state;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Real-time protection is on when bit {@code 0x1000} is set (the second byte of the state is
   * {@code 0x10} or {@code 0x11}). Example: {@code 397568 = 0x061100} is enabled.
   */
  public static boolean isEnabled(long productState) {
    return (productState & 0x1000) != 0;
  }

  /**
   * Signatures are up to date when the low byte is {@code 0x00} ({@code 0x10} = out of date).
   * Example: {@code 397584 = 0x061110} is out of date.
   */
  public static boolean isUpToDate(long productState) {
    return (productState & 0xFF) == 0;
  }
}
