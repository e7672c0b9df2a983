package vn.hatang.agent.hardware;

import java.util.Locale;

/** Parses the boot mode, {@code UEFI} or {@code LEGACY}, from what Windows reports. */
public final class BootModeParser {
  /** Booted through UEFI firmware. */
  public static final String UEFI = "UEFI";

  /** Booted through legacy BIOS (or UEFI's CSM). */
  public static final String LEGACY = "LEGACY";

  private BootModeParser() {}

  /**
   * Parses the {@code firmware_type} environment variable Windows sets: {@code UEFI} or {@code
   * Legacy}.
   *
   * @return the mode, or {@code null} when absent or unrecognised
   */
  public static String parseFirmwareType(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "uefi" -> UEFI;
      case "legacy", "bios" -> LEGACY;
      default -> null;
    };
  }

  /**
   * Parses {@code bcdedit /enum {current}}: the boot loader path ends in {@code winload.efi} under
   * UEFI and {@code winload.exe} under BIOS.
   *
   * @throws IllegalArgumentException when no boot loader path is listed
   */
  public static String parseBcdedit(String text) {
    for (String line : text.split("\\R")) {
      String trimmed = line.strip().toLowerCase(Locale.ROOT);
      if (trimmed.startsWith("path")) {
        if (trimmed.endsWith("winload.efi")) {
          return UEFI;
        }
        if (trimmed.endsWith("winload.exe")) {
          return LEGACY;
        }
      }
    }
    throw new IllegalArgumentException("no winload path in bcdedit output");
  }
}
