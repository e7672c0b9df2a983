package vn.hatang.agent.hardware;

import java.util.Locale;

/**
 * Parses what Windows and Linux say about the TPM into a version: {@code 2.0}, {@code 1.2}, {@code
 * none}.
 */
public final class TpmParser {
  /** The value for "the OS reports no TPM". */
  public static final String NONE = "none";

  private TpmParser() {}

  /**
   * Parses {@code Get-CimInstance -Namespace root/cimv2/Security/MicrosoftTpm -ClassName Win32_Tpm
   * | Format-List SpecVersion,IsEnabled_InitialValue}. No instance (empty output) means no TPM.
   *
   * @return the first component of {@code SpecVersion} ({@code "2.0, 0, 1.38"} gives {@code 2.0}),
   *     or {@link #NONE}
   * @throws IllegalArgumentException when there is output but no {@code SpecVersion}
   */
  public static String parseWin32Tpm(String text) {
    if (text.isBlank()) {
      return NONE;
    }
    String spec = formatListValue(text, "SpecVersion");
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("no SpecVersion in Win32_Tpm output");
    }
    int comma = spec.indexOf(',');
    return (comma < 0 ? spec : spec.substring(0, comma)).strip();
  }

  /**
   * Parses {@code tpmtool getdeviceinformation} ({@code -TPM Present: True}, {@code -TPM Version:
   * 2.0}).
   *
   * @throws IllegalArgumentException when the output has neither line
   */
  public static String parseTpmtool(String text) {
    String present = null;
    String version = null;
    for (String line : text.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("-")) {
        trimmed = trimmed.substring(1);
      }
      int colon = trimmed.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = trimmed.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = trimmed.substring(colon + 1).strip();
      if (key.equals("tpm present")) {
        present = value;
      } else if (key.equals("tpm version")) {
        version = value;
      }
    }
    if ("false".equalsIgnoreCase(present)) {
      return NONE;
    }
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("no TPM Version in tpmtool output");
    }
    return version;
  }

  /**
   * Parses Linux {@code /sys/class/tpm/tpm0/tpm_version_major}: {@code 2} gives {@code 2.0}, {@code
   * 1} gives {@code 1.2} (the only 1.x TPMs Linux drives).
   *
   * @throws IllegalArgumentException on anything else
   */
  public static String parseSysfsMajor(String text) {
    return switch (text.strip()) {
      case "2" -> "2.0";
      case "1" -> "1.2";
      default ->
          throw new IllegalArgumentException("unexpected tpm_version_major: " + text.strip());
    };
  }

  /** The value of {@code Key : value} in {@code Format-List} output, or {@code null}. */
  static String formatListValue(String text, String key) {
    for (String line : text.split("\\R")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(key)) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }
}
