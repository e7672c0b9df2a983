package vn.hatang.core.snapshot;

/**
 * The computer system as the firmware describes it.
 *
 * @param manufacturer system manufacturer, {@code null} when unknown
 * @param model system model
 * @param serial system serial number (junk values such as "To be filled by O.E.M." removed)
 * @param chassis chassis type as reported ({@code Desktop}, {@code Notebook}, ...)
 * @param firmware BIOS/UEFI firmware
 * @param bootMode {@code UEFI} or {@code LEGACY}, {@code null} when unknown
 * @param secureBoot whether Secure Boot is on, {@code null} when unreadable
 * @param tpmVersion TPM specification version ({@code 2.0}, {@code 1.2}), {@code none} when the OS
 *     reports no TPM, {@code null} when unreadable
 */
public record ComputerSystem(
    String manufacturer,
    String model,
    String serial,
    String chassis,
    Firmware firmware,
    String bootMode,
    Boolean secureBoot,
    String tpmVersion) {

  /**
   * Firmware.
   *
   * @param manufacturer firmware vendor
   * @param version firmware version
   * @param releaseDate release date as reported (ISO date where the OS gives one)
   */
  public record Firmware(String manufacturer, String version, String releaseDate) {}
}
