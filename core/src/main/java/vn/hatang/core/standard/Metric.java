package vn.hatang.core.standard;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import vn.hatang.core.snapshot.AntivirusProduct;
import vn.hatang.core.snapshot.Diagnostics;
import vn.hatang.core.snapshot.LineMeasurement;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.Storage;

/**
 * The metrics a check can name: documented paths into a snapshot (see {@code docs/standards.md}),
 * some derived with reference data. Each reads a value or says why it cannot.
 */
public enum Metric {
  MEMORY_SIZE_BYTES(
      "memory.sizeBytes",
      Kind.NUMBER,
      Unit.Dimension.BYTES,
      Needs.NOTHING,
      "memory",
      (s, r) -> {
        if (s.memory() == null) {
          return MetricValue.unknown("reason.sectionMissing", "memory");
        }
        Long installed = s.memory().installedBytes();
        if (installed != null) {
          return MetricValue.of(installed.doubleValue());
        }
        return s.memory().totalBytes() == null
            ? MetricValue.unknown("reason.valueMissing", "memory.totalBytes")
            : MetricValue.of(s.memory().totalBytes().doubleValue(), "note.memoryOsVisible");
      }),
  MEMORY_TOTAL_BYTES(
      "memory.totalBytes",
      Kind.NUMBER,
      Unit.Dimension.BYTES,
      Needs.NOTHING,
      "memory",
      (s, r) -> in(s.memory(), "memory", x -> number(x.totalBytes(), "memory.totalBytes"))),
  CPU_PHYSICAL_CORES(
      "cpu.physicalCores",
      Kind.NUMBER,
      Unit.Dimension.COUNT,
      Needs.NOTHING,
      "cpu",
      (s, r) -> in(s.cpu(), "cpu", x -> number(x.physicalCores(), "cpu.physicalCores"))),
  CPU_LOGICAL_CORES(
      "cpu.logicalCores",
      Kind.NUMBER,
      Unit.Dimension.COUNT,
      Needs.NOTHING,
      "cpu",
      (s, r) -> in(s.cpu(), "cpu", x -> number(x.logicalCores(), "cpu.logicalCores"))),
  CPU_MAX_FREQUENCY_HZ(
      "cpu.maxFrequencyHz",
      Kind.NUMBER,
      Unit.Dimension.HERTZ,
      Needs.NOTHING,
      "cpu",
      (s, r) -> in(s.cpu(), "cpu", x -> number(x.maxFrequencyHz(), "cpu.maxFrequencyHz"))),
  CPU_VENDOR(
      "cpu.vendor",
      Kind.STRING,
      Unit.Dimension.NONE,
      Needs.NOTHING,
      "cpu",
      (s, r) -> in(s.cpu(), "cpu", x -> text(x.vendor(), "cpu.vendor"))),
  CPU_SUPPORTED_GENERATION(
      "cpu.supportedGeneration",
      Kind.BOOLEAN,
      Unit.Dimension.NONE,
      Needs.CPU_GENERATIONS,
      "cpu",
      (s, r) -> {
        if (s.cpu() == null) {
          return MetricValue.unknown("reason.sectionMissing", "cpu");
        }
        var placement = r.cpuGenerations().place(s.cpu());
        if (placement == null) {
          String name = s.cpu().name() == null ? String.valueOf(s.cpu().vendor()) : s.cpu().name();
          return MetricValue.unknown("reason.cpuNoRule", name);
        }
        return MetricValue.of(placement.supported(), "note.cpuGeneration", placement.generation());
      }),
  OS_FAMILY(
      "os.family",
      Kind.STRING,
      Unit.Dimension.NONE,
      Needs.NOTHING,
      "os",
      (s, r) -> in(s.os(), "os", x -> text(x.family(), "os.family"))),
  OS_NAME(
      "os.name",
      Kind.STRING,
      Unit.Dimension.NONE,
      Needs.NOTHING,
      "os",
      (s, r) -> in(s.os(), "os", x -> text(x.name(), "os.name"))),
  OS_BUILD(
      "os.build",
      Kind.VERSION,
      Unit.Dimension.NONE,
      Needs.NOTHING,
      "os",
      (s, r) -> in(s.os(), "os", x -> text(x.build(), "os.build"))),
  OS_BITNESS(
      "os.bitness",
      Kind.NUMBER,
      Unit.Dimension.COUNT,
      Needs.NOTHING,
      "os",
      (s, r) -> in(s.os(), "os", x -> number(x.bitness(), "os.bitness"))),
  OS_END_OF_SUPPORT(
      "os.endOfSupport",
      Kind.DATE,
      Unit.Dimension.NONE,
      Needs.OS_LIFECYCLE,
      "os",
      (s, r) -> {
        if (s.os() == null) {
          return MetricValue.unknown("reason.sectionMissing", "os");
        }
        OsLifecycle.Lookup l = r.osLifecycle().lookup(s.os());
        return l.endOfSupport() == null
            ? MetricValue.unknown(l.reasonKey(), l.reasonArgs())
            : MetricValue.of(l.endOfSupport(), "note.osProduct", l.product().name());
      }),
  STORAGE_SYSTEM_DISK_TYPE(
      "storage.systemDisk.type",
      Kind.STRING,
      Unit.Dimension.NONE,
      Needs.NOTHING,
      "storage",
      (s, r) -> {
        Storage.Disk d = systemDisk(s);
        if (d == null) {
          return MetricValue.unknown("reason.systemDiskUnknown");
        }
        if (d.type() == null || d.type() == vn.hatang.core.snapshot.DiskType.UNKNOWN) {
          return MetricValue.unknown(
              "reason.diskTypeUnknown", d.typeReason() == null ? "-" : d.typeReason());
        }
        return MetricValue.of(d.type().name());
      }),
  STORAGE_SYSTEM_DISK_SIZE_BYTES(
      "storage.systemDisk.sizeBytes",
      Kind.NUMBER,
      Unit.Dimension.BYTES,
      Needs.NOTHING,
      "storage",
      (s, r) -> {
        Storage.Disk d = systemDisk(s);
        return d == null
            ? MetricValue.unknown("reason.systemDiskUnknown")
            : number(d.sizeBytes(), "storage.disks[].sizeBytes");
      }),
  STORAGE_SYSTEM_VOLUME_TOTAL_BYTES(
      "storage.systemVolume.totalBytes",
      Kind.NUMBER,
      Unit.Dimension.BYTES,
      Needs.NOTHING,
      "storage",
      (s, r) ->
          s.storage() == null || s.storage().systemVolume() == null
              ? MetricValue.unknown("reason.valueMissing", "storage.systemVolume")
              : number(s.storage().systemVolume().totalBytes(), "storage.systemVolume.totalBytes")),
  STORAGE_SYSTEM_VOLUME_FREE_BYTES(
      "storage.systemVolume.freeBytes",
      Kind.NUMBER,
      Unit.Dimension.BYTES,
      Needs.NOTHING,
      "storage",
      (s, r) ->
          s.storage() == null || s.storage().systemVolume() == null
              ? MetricValue.unknown("reason.valueMissing", "storage.systemVolume")
              : number(s.storage().systemVolume().freeBytes(), "storage.systemVolume.freeBytes")),
  FIRMWARE_BOOT_MODE(
      "computerSystem.bootMode",
      Kind.STRING,
      Unit.Dimension.NONE,
      Needs.NOTHING,
      "bootMode",
      (s, r) ->
          in(
              s.computerSystem(),
              "computerSystem",
              x -> text(x.bootMode(), "computerSystem.bootMode"))),
  FIRMWARE_SECURE_BOOT(
      "computerSystem.secureBoot",
      Kind.BOOLEAN,
      Unit.Dimension.NONE,
      Needs.NOTHING,
      "secureBoot",
      (s, r) ->
          s.computerSystem() == null
              ? MetricValue.unknown("reason.sectionMissing", "computerSystem")
              : s.computerSystem().secureBoot() == null
                  ? MetricValue.unknown("reason.valueMissing", "computerSystem.secureBoot")
                  : MetricValue.of(s.computerSystem().secureBoot())),
  TPM_VERSION(
      "computerSystem.tpmVersion",
      Kind.VERSION,
      Unit.Dimension.NONE,
      Needs.NOTHING,
      "tpm",
      (s, r) -> {
        if (s.computerSystem() == null) {
          return MetricValue.unknown("reason.sectionMissing", "computerSystem");
        }
        String v = s.computerSystem().tpmVersion();
        if (v == null) {
          return MetricValue.unknown("reason.valueMissing", "computerSystem.tpmVersion");
        }
        // "none" is a reading (no TPM present); version comparisons count it as 0.
        return MetricValue.of(v);
      }),
  ANTIVIRUS_ENABLED_COUNT(
      "antivirus.enabledCount",
      Kind.NUMBER,
      Unit.Dimension.COUNT,
      Needs.NOTHING,
      "antivirus",
      (s, r) -> {
        List<AntivirusProduct> av = s.antivirus();
        if (av == null) {
          return MetricValue.unknown("reason.antivirusUnreadable");
        }
        return MetricValue.of(
            (double) av.stream().filter(a -> Boolean.TRUE.equals(a.enabled())).count());
      }),
  DISPLAYS_COUNT(
      "peripherals.displays.count",
      Kind.NUMBER,
      Unit.Dimension.COUNT,
      Needs.NOTHING,
      "displays",
      (s, r) ->
          s.peripherals() == null || s.peripherals().displays() == null
              ? MetricValue.unknown("reason.valueMissing", "peripherals.displays")
              : MetricValue.of((double) s.peripherals().displays().size())),
  PRINTERS_COUNT(
      "peripherals.printers.count",
      Kind.NUMBER,
      Unit.Dimension.COUNT,
      Needs.NOTHING,
      "printers",
      (s, r) ->
          s.peripherals() == null || s.peripherals().printers() == null
              ? MetricValue.unknown("reason.valueMissing", "peripherals.printers")
              : MetricValue.of((double) s.peripherals().printers().size())),
  MACHINE_ROLE(
      "machine.role",
      Kind.STRING,
      Unit.Dimension.NONE,
      Needs.NOTHING,
      "identity",
      (s, r) -> text(s.machine().role(), "machine.role")),
  LINE_DOWNLOAD_MBPS("line.downloadMbps", Unit.Dimension.RATE, LineMeasurement::downloadMbps),
  LINE_UPLOAD_MBPS("line.uploadMbps", Unit.Dimension.RATE, LineMeasurement::uploadMbps),
  LINE_LATENCY_MS("line.latencyMs", Unit.Dimension.TIME, LineMeasurement::latencyMs),
  LINE_JITTER_MS("line.jitterMs", Unit.Dimension.TIME, LineMeasurement::jitterMs),
  LINE_LOADED_LATENCY_MS(
      "line.loadedLatencyMs", Unit.Dimension.TIME, LineMeasurement::loadedLatencyMs);

  /** The type of a metric's value. */
  public enum Kind {
    NUMBER,
    STRING,
    BOOLEAN,
    DATE,
    VERSION
  }

  /** Reference data a metric needs. */
  public enum Needs {
    NOTHING,
    OS_LIFECYCLE,
    CPU_GENERATIONS,
    /** A line metric: the check names the line ({@code line: internet}). */
    LINE
  }

  private final String path;
  private final Kind kind;
  private final Unit.Dimension dimension;
  private final Needs needs;
  private final String probe;
  private final BiFunction<Snapshot, ReferenceData, MetricValue> reader;
  private final Function<LineMeasurement, Double> lineValue;

  Metric(
      String path,
      Kind kind,
      Unit.Dimension dimension,
      Needs needs,
      String probe,
      BiFunction<Snapshot, ReferenceData, MetricValue> reader) {
    this.path = path;
    this.kind = kind;
    this.dimension = dimension;
    this.needs = needs;
    this.probe = probe;
    this.reader = reader;
    this.lineValue = null;
  }

  /** A line metric: a figure of the snapshot's line of the check's {@code line} name. */
  Metric(String path, Unit.Dimension dimension, Function<LineMeasurement, Double> lineValue) {
    this.path = path;
    this.kind = Kind.NUMBER;
    this.dimension = dimension;
    this.needs = Needs.LINE;
    this.probe = "lines";
    this.reader = null;
    this.lineValue = lineValue;
  }

  /** The name used in standards files. */
  public String path() {
    return path;
  }

  public Kind kind() {
    return kind;
  }

  public Unit.Dimension dimension() {
    return dimension;
  }

  public Needs needs() {
    return needs;
  }

  /**
   * Reads the metric from a snapshot. An unknown value whose probe failed carries the probe's error
   * as its reason.
   */
  public MetricValue read(Snapshot snapshot, ReferenceData reference) {
    return read(snapshot, reference, null);
  }

  /**
   * Reads the metric; {@code line} names the line for line metrics. A line that was not measured,
   * or could not be, makes the value unknown with the line's own status and reason.
   */
  public MetricValue read(Snapshot snapshot, ReferenceData reference, String line) {
    if (lineValue != null) {
      return readLine(snapshot, line);
    }
    MetricValue v = reader.apply(snapshot, reference);
    if (!v.known() && snapshot.diagnostics() != null) {
      Diagnostics.Probe p = snapshot.diagnostics().probe(probe);
      if (p != null && !"OK".equals(p.status())) {
        String key =
            "UNSUPPORTED".equals(p.status()) ? "reason.probeUnsupported" : "reason.probeFailed";
        return MetricValue.unknown(key, probe, p.error() == null ? "-" : p.error());
      }
    }
    return v;
  }

  private MetricValue readLine(Snapshot snapshot, String line) {
    LineMeasurement m = null;
    for (LineMeasurement l : snapshot.lines()) { // eight checks per machine read a line: no stream
      if (l.name().equalsIgnoreCase(line)) {
        m = l;
        break;
      }
    }
    if (m == null) {
      return MetricValue.unknown("reason.lineNotMeasured", line);
    }
    if (!m.ok()) {
      return MetricValue.unknown(
          "reason.lineFailed", line, m.status(), m.reason() == null ? "-" : m.reason());
    }
    Double value = lineValue.apply(m);
    return value == null
        ? MetricValue.unknown("reason.valueMissing", "lines[" + line + "]." + path.substring(5))
        : MetricValue.of(value);
  }

  /** Finds a metric by its name. */
  public static Optional<Metric> byPath(String path) {
    return Arrays.stream(values()).filter(m -> m.path.equals(path)).findFirst();
  }

  /** Reads a section, or says the snapshot has none. */
  private static <T> MetricValue in(T section, String name, Function<T, MetricValue> read) {
    return section == null
        ? MetricValue.unknown("reason.sectionMissing", name)
        : read.apply(section);
  }

  private static MetricValue number(Number n, String field) {
    return n == null
        ? MetricValue.unknown("reason.valueMissing", field)
        : MetricValue.of(n.doubleValue());
  }

  private static MetricValue text(String t, String field) {
    return t == null || t.isBlank()
        ? MetricValue.unknown("reason.valueMissing", field)
        : MetricValue.of(t);
  }

  /** The disk holding the system volume; the only disk when there is one; else {@code null}. */
  static Storage.Disk systemDisk(Snapshot s) {
    if (s.storage() == null) {
      return null;
    }
    List<Storage.Disk> disks = s.storage().disks();
    for (Storage.Disk d : disks) {
      if (Boolean.TRUE.equals(d.system())) {
        return d;
      }
    }
    Storage.Volume v = s.storage().systemVolume();
    if (v != null && v.disk() != null) {
      for (Storage.Disk d : disks) {
        if (v.disk().equals(d.name())) {
          return d;
        }
      }
    }
    Storage.Disk fixed = null;
    for (Storage.Disk d : disks) {
      if (!Boolean.TRUE.equals(d.removable())) {
        if (fixed != null) {
          return null; // more than one fixed disk
        }
        fixed = d;
      }
    }
    return fixed;
  }
}
