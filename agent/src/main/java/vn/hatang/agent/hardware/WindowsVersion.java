package vn.hatang.agent.hardware;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Windows' own description of itself, from the {@code CurrentVersion} registry key.
 *
 * @param name product name, corrected to Windows 11 for builds 22000 and later (the registry still
 *     says "Windows 10" there)
 * @param edition {@code EditionID}: {@code Professional}, {@code Enterprise}, {@code Core}, ...
 * @param version {@code DisplayVersion} ({@code 23H2}), else {@code ReleaseId}
 * @param build {@code CurrentBuild.UBR} ({@code 22631.4460})
 */
public record WindowsVersion(String name, String edition, String version, String build) {
  /** The first build of Windows 11. */
  public static final int WINDOWS_11_FIRST_BUILD = 22000;

  private static final Pattern VALUE =
      Pattern.compile("^\\s+(\\S(?:.*?\\S)?)\\s{2,}(REG_[A-Z_]+)(?:\\s+(.*))?$");

  /**
   * Parses {@code reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion"}: lines of {@code
   * NAME REG_TYPE VALUE}; {@code REG_DWORD} values are hexadecimal ({@code 0x112c}).
   *
   * @throws IllegalArgumentException when neither ProductName nor CurrentBuild is listed
   */
  public static WindowsVersion parseRegQuery(String text) {
    Map<String, String> values = new HashMap<>();
    for (String line : text.split("\\R")) {
      Matcher m = VALUE.matcher(line);
      if (m.matches()) {
        String value = m.group(3) == null ? "" : m.group(3).strip();
        if (m.group(2).equals("REG_DWORD") && value.startsWith("0x")) {
          value = Long.toString(Long.parseLong(value.substring(2), 16));
        }
        values.put(m.group(1), value);
      }
    }
    String product = OshiValues.text(values.get("ProductName"));
    String build = OshiValues.text(values.get("CurrentBuild"));
    if (product == null && build == null) {
      throw new IllegalArgumentException("no ProductName or CurrentBuild in reg query output");
    }
    Integer buildNumber = OshiValues.decimal(build);
    if (product != null
        && buildNumber != null
        && buildNumber >= WINDOWS_11_FIRST_BUILD
        && product.startsWith("Windows 10")) {
      product = "Windows 11" + product.substring("Windows 10".length());
    }
    String version = OshiValues.text(values.get("DisplayVersion"));
    if (version == null) {
      version = OshiValues.text(values.get("ReleaseId"));
    }
    String ubr = OshiValues.text(values.get("UBR"));
    String fullBuild = build == null ? null : ubr == null ? build : build + "." + ubr;
    return new WindowsVersion(
        product, OshiValues.text(values.get("EditionID")), version, fullBuild);
  }
}
