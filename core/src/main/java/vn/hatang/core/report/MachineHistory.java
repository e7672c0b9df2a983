package vn.hatang.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import vn.hatang.core.check.Message;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.Storage;

/**
 * A machine's hardware history from its consecutive snapshots: memory added or removed (and by
 * module), disks fitted or taken out (by serial, else model and size), a new processor, the OS
 * upgraded, renamed or moved to another unit. Keeps a compact fingerprint per snapshot, not the
 * snapshots. Not thread-safe.
 */
public final class MachineHistory {
  /**
   * What a snapshot says about the hardware.
   *
   * @param snapshotId its id
   * @param takenAt when (ISO-8601)
   * @param hostname host name
   * @param unitCode unit code
   * @param memoryBytes installed memory (or what the OS sees), or {@code null}
   * @param modules memory modules, as "bank: capacity" lines, or {@code null} when not listed
   * @param disks physical disks, each as "model (size) serial"
   * @param cpu processor name
   * @param os OS name and build
   */
  public record Print(
      String snapshotId,
      String takenAt,
      String hostname,
      String unitCode,
      Long memoryBytes,
      List<String> modules,
      List<String> disks,
      String cpu,
      String os) {
    static Print of(Snapshot s) {
      Long mem = null;
      List<String> modules = null;
      if (s.memory() != null) {
        mem =
            s.memory().installedBytes() != null
                ? s.memory().installedBytes()
                : s.memory().totalBytes();
        if (s.memory().modules() != null) {
          modules = new ArrayList<>();
          for (var m : s.memory().modules()) {
            modules.add(m.bankLabel() + ": " + gib(m.capacityBytes()));
          }
          modules.sort(null);
        }
      }
      List<String> disks = new ArrayList<>();
      if (s.storage() != null) {
        for (Storage.Disk d : s.storage().disks()) {
          disks.add(
              (d.model() == null ? "?" : d.model().strip())
                  + " ("
                  + gb(d.sizeBytes())
                  + ")"
                  + (d.serial() == null || d.serial().isBlank() ? "" : " " + d.serial().strip()));
        }
        disks.sort(null);
      }
      return new Print(
          s.snapshotId().toString(),
          s.takenAt().toString(),
          s.machine().hostname(),
          s.unit() == null ? null : s.unit().code(),
          mem,
          modules,
          disks,
          s.cpu() == null ? null : s.cpu().name(),
          s.os() == null ? null : s.os().name() + " " + s.os().build());
    }
  }

  /**
   * A change between two consecutive snapshots.
   *
   * @param from the earlier snapshot
   * @param to the later snapshot
   * @param what the change, for people ({@code history.memoryRemoved}, ...)
   */
  public record Change(Print from, Print to, Message what) {}

  private final Map<String, List<Print>> prints = new TreeMap<>();

  /** Takes a snapshot into account. */
  public void accept(Snapshot s) {
    prints.computeIfAbsent(s.machine().machineId(), k -> new ArrayList<>()).add(Print.of(s));
  }

  /** The changes of each machine, oldest first; machines without changes have an empty list. */
  public Map<String, List<Change>> changes() {
    Map<String, List<Change>> out = new LinkedHashMap<>();
    for (var e : prints.entrySet()) {
      List<Print> list = new ArrayList<>(e.getValue());
      list.sort(
          Comparator.comparing((Print p) -> java.time.OffsetDateTime.parse(p.takenAt()).toInstant())
              .thenComparing(Print::snapshotId));
      List<Change> changes = new ArrayList<>();
      for (int i = 1; i < list.size(); i++) {
        diff(list.get(i - 1), list.get(i), changes);
      }
      out.put(e.getKey(), changes);
    }
    return out;
  }

  private static void diff(Print a, Print b, List<Change> out) {
    if (a.memoryBytes() != null
        && b.memoryBytes() != null
        && !a.memoryBytes().equals(b.memoryBytes())) {
      String key =
          b.memoryBytes() < a.memoryBytes() ? "history.memoryRemoved" : "history.memoryAdded";
      out.add(new Change(a, b, Message.of(key, gib(a.memoryBytes()), gib(b.memoryBytes()))));
    }
    for (String d : a.disks()) {
      if (!b.disks().contains(d)) {
        out.add(new Change(a, b, Message.of("history.diskRemoved", d)));
      }
    }
    for (String d : b.disks()) {
      if (!a.disks().contains(d)) {
        out.add(new Change(a, b, Message.of("history.diskAdded", d)));
      }
    }
    if (a.cpu() != null && b.cpu() != null && !a.cpu().equals(b.cpu())) {
      out.add(new Change(a, b, Message.of("history.cpuChanged", a.cpu(), b.cpu())));
    }
    if (a.os() != null && b.os() != null && !a.os().equals(b.os())) {
      out.add(new Change(a, b, Message.of("history.osChanged", a.os(), b.os())));
    }
    if (!Objects.equals(a.hostname(), b.hostname())) {
      out.add(new Change(a, b, Message.of("history.renamed", a.hostname(), b.hostname())));
    }
    if (!Objects.equals(a.unitCode(), b.unitCode())) {
      out.add(new Change(a, b, Message.of("history.moved", a.unitCode(), b.unitCode())));
    }
  }

  private static String gib(Long bytes) {
    if (bytes == null) {
      return "?";
    }
    return vn.hatang.core.render.TextTable.number(Math.round(bytes / 1073741824.0 * 10) / 10.0)
        + " GiB";
  }

  private static String gb(Long bytes) {
    if (bytes == null) {
      return "?";
    }
    return Math.round(bytes / 1e9) + " GB";
  }
}
