package vn.hatang.core.snapshot;

import java.util.List;

/**
 * Physical disks and the volume the OS runs from.
 *
 * @param disks physical disks
 * @param systemVolume the volume holding the OS, {@code null} when it cannot be identified
 */
public record Storage(List<Disk> disks, Volume systemVolume) {
  public Storage {
    disks = disks == null ? List.of() : List.copyOf(disks);
  }

  /**
   * One physical disk.
   *
   * @param name device name ({@code /dev/sda}, {@code \\.\PHYSICALDRIVE0})
   * @param model model
   * @param serial serial number
   * @param sizeBytes size in bytes
   * @param type {@link DiskType}
   * @param typeReason why the type is {@code UNKNOWN} (or how it was decided), for people
   * @param removable whether the OS reports the disk as removable
   * @param system whether the system volume lives on this disk
   */
  public record Disk(
      String name,
      String model,
      String serial,
      Long sizeBytes,
      DiskType type,
      String typeReason,
      Boolean removable,
      Boolean system) {}

  /**
   * A mounted volume.
   *
   * @param mount mount point ({@code /}, {@code C:\})
   * @param fileSystem file system type
   * @param totalBytes size in bytes
   * @param freeBytes free space in bytes, usable by users
   * @param disk the name of the physical disk it lives on, when known
   */
  public record Volume(
      String mount, String fileSystem, Long totalBytes, Long freeBytes, String disk) {}
}
