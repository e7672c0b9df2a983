package vn.hatang.agent.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A machine's stable id and what it was derived from.
 *
 * @param machineId 32 hex digits
 * @param source {@code hardware}, {@code mac} or {@code random}
 */
public record MachineIdentity(String machineId, String source) {
  /** Derived from the firmware's UUID and/or serial number. */
  public static final String HARDWARE = "hardware";

  /** Derived from the first physical MAC address. */
  public static final String MAC = "mac";

  /** Random, persisted on the machine. */
  public static final String RANDOM = "random";

  public MachineIdentity {
    Objects.requireNonNull(machineId);
    Objects.requireNonNull(source);
  }

  /**
   * A network interface as identity sees it.
   *
   * @param name OS interface name
   * @param mac MAC address, lower case and colon-separated, or {@code null}
   * @param virtual whether the interface is virtual
   */
  public record Nic(String name, String mac, boolean virtual) {}

  /**
   * Derives the identity from hardware, falling back to a MAC address; pure.
   *
   * @param hardwareUuid the firmware's system UUID, junk allowed
   * @param serial the system serial number, junk allowed
   * @param nics the machine's network interfaces
   * @return the identity, or empty when neither hardware ids nor a physical MAC are usable (the
   *     caller then falls back to a persisted random id)
   */
  public static Optional<MachineIdentity> derive(
      String hardwareUuid, String serial, List<Nic> nics) {
    String uuid = JunkIdentifiers.clean(hardwareUuid);
    String sn = JunkIdentifiers.clean(serial);
    if (uuid != null || sn != null) {
      String key =
          "uuid="
              + (uuid == null ? "" : uuid.toUpperCase(Locale.ROOT))
              + ";serial="
              + (sn == null ? "" : sn.toUpperCase(Locale.ROOT));
      return Optional.of(new MachineIdentity(hash(key), HARDWARE));
    }
    return nics.stream()
        .filter(n -> !n.virtual() && isPhysicalMac(n.mac()))
        .min(Comparator.comparing(Nic::name))
        .map(n -> new MachineIdentity(hash("mac=" + n.mac()), MAC));
  }

  /**
   * Whether a MAC address can identify hardware: present, not all zeros, and globally unique (the
   * locally-administered bit 0x02 of the first octet clear; VMs and randomised Wi-Fi set it).
   */
  public static boolean isPhysicalMac(String mac) {
    if (mac == null || mac.length() < 17) {
      return false;
    }
    String hex = mac.replace(":", "").replace("-", "").toLowerCase(Locale.ROOT);
    if (hex.chars().allMatch(c -> c == '0')) {
      return false;
    }
    try {
      int firstOctet = Integer.parseInt(hex.substring(0, 2), 16);
      return (firstOctet & 0x02) == 0 && (firstOctet & 0x01) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The first 32 hex digits of the SHA-256 of a text. */
  static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required on every JVM", e);
    }
  }
}
