package vn.hatang.agent.hardware;

import java.util.Locale;

/** Parses whether Secure Boot is on, from Windows' cmdlet or the Linux EFI variable. */
public final class SecureBootParser {
  private SecureBootParser() {}

  /**
   * Parses {@code Confirm-SecureBootUEFI}: {@code True}, {@code False}, or "Cmdlet not supported on
   * this platform" on BIOS computers and computers without Secure Boot (then Secure Boot is not on,
   * so {@code false}).
   *
   * @throws IllegalArgumentException on other output (for example "Access was denied")
   */
  public static boolean parseConfirmSecureBoot(String text) {
    String trimmed = text.strip();
    if (trimmed.equalsIgnoreCase("True")) {
      return true;
    }
    if (trimmed.equalsIgnoreCase("False")
        || trimmed.toLowerCase(Locale.ROOT).contains("not supported on this platform")) {
      return false;
    }
    throw new IllegalArgumentException("unexpected Confirm-SecureBootUEFI output: " + trimmed);
  }

  /**
   * Parses the content of {@code /sys/firmware/efi/efivars/SecureBoot-8be4df61-...}: 4 bytes of
   * attributes, then one byte, 1 when Secure Boot is on.
   *
   * @throws IllegalArgumentException when the variable is shorter than 5 bytes
   */
  public static boolean parseEfiVariable(byte[] content) {
    if (content.length < 5) {
      throw new IllegalArgumentException("SecureBoot variable has " + content.length + " bytes");
    }
    return content[4] == 1;
  }
}
