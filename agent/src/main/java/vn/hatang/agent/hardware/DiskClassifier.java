package vn.hatang.agent.hardware;

import java.util.List;
import java.util.Locale;
import vn.hatang.core.snapshot.DiskType;

/**
 * Decides whether a disk is an SSD or an HDD, and says why. A virtual disk's "rotational" flag is
 * whatever the hypervisor chose (virtio disks say rotational), so on a virtual disk or in a virtual
 * machine the type is {@link DiskType#UNKNOWN}.
 */
public final class DiskClassifier {
  /** The reason given for every virtual disk. */
  public static final String VIRTUAL_REASON = "virtual disk: the hypervisor hides the medium";

  private static final List<String> VIRTUAL_MODELS =
      List.of("virtio", "qemu", "vmware", "vbox", "virtual disk", "virtual hd", "msft virtual");

  private DiskClassifier() {}

  /**
   * A disk type with the reason for it.
   *
   * @param type the type
   * @param reason why, for people
   */
  public record Classification(DiskType type, String reason) {}

  /**
   * Classifies one disk.
   *
   * @param name the OS device name ({@code /dev/vda}, {@code \\.\PHYSICALDRIVE0})
   * @param model the disk model, or {@code null}
   * @param osType what the OS reports: {@code SSD}, {@code HDD} or anything else for unknown
   * @param virtualMachine whether this machine is a virtual machine
   */
  public static Classification classify(
      String name, String model, String osType, boolean virtualMachine) {
    String lowerModel = model == null ? "" : model.toLowerCase(Locale.ROOT);
    String lowerName = name == null ? "" : name.toLowerCase(Locale.ROOT);
    boolean virtualModel = VIRTUAL_MODELS.stream().anyMatch(lowerModel::contains);
    if (virtualModel || lowerName.startsWith("/dev/vd") || lowerName.startsWith("/dev/xvd")) {
      return new Classification(DiskType.UNKNOWN, VIRTUAL_REASON);
    }
    if (virtualMachine) {
      return new Classification(DiskType.UNKNOWN, VIRTUAL_REASON);
    }
    if (lowerName.contains("nvme") || lowerModel.contains("nvme")) {
      return new Classification(DiskType.SSD, "NVMe disk");
    }
    String type = osType == null ? "" : osType.toUpperCase(Locale.ROOT);
    if (type.equals("SSD")) {
      return new Classification(DiskType.SSD, "the OS reports a non-rotating medium");
    }
    if (type.equals("HDD")) {
      return new Classification(DiskType.HDD, "the OS reports a rotating medium");
    }
    return new Classification(DiskType.UNKNOWN, "the OS does not report the medium");
  }
}
