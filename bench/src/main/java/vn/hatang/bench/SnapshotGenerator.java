package vn.hatang.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import vn.hatang.bench.Catalog.Cpu;
import vn.hatang.bench.Catalog.DiskModel;
import vn.hatang.bench.Catalog.DisplayModel;
import vn.hatang.bench.Catalog.Os;
import vn.hatang.bench.Catalog.Pc;
import vn.hatang.bench.Catalog.PrinterModel;
import vn.hatang.bench.Catalog.Tier;
import vn.hatang.bench.Catalog.UpsModel;
import vn.hatang.core.snapshot.AgentInfo;
import vn.hatang.core.snapshot.AntivirusProduct;
import vn.hatang.core.snapshot.ComputerSystem;
import vn.hatang.core.snapshot.Diagnostics;
import vn.hatang.core.snapshot.DiskType;
import vn.hatang.core.snapshot.LineMeasurement;
import vn.hatang.core.snapshot.Machine;
import vn.hatang.core.snapshot.Memory;
import vn.hatang.core.snapshot.OperatingSystem;
import vn.hatang.core.snapshot.Peripherals;
import vn.hatang.core.snapshot.Processor;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.snapshot.SnapshotCodec;
import vn.hatang.core.snapshot.Storage;
import vn.hatang.core.snapshot.UnitRef;

/**
 * A seeded generator of realistic snapshots for benchmarks and tests: {@code units} offices with a
 * skewed number of PCs each (most communes have 5–15, a provincial department 20–60), old, mid-life
 * and new hardware, Windows 10/11 and some Linux, laptops, printers, monitors, UPS units, signing
 * tokens, internet and dedicated lines measured on one or two PCs of most offices (some refused or
 * timed out), and several snapshots per machine spread over {@code days} office days, a few
 * machines going silent part-way.
 *
 * <p>Deterministic: the same parameters give the same bytes. Every unit and every machine draws
 * from its own random stream derived from the seed and its index, so units are generated in
 * parallel without changing the output. Files are {@code OUT/UNIT_CODE/SNAPSHOT_ID.json}, written
 * by {@link SnapshotCodec#write} (the agent's own format).
 */
public final class SnapshotGenerator {
  /** Vietnam's offset: every office PC reports +07:00. */
  static final ZoneOffset VN = ZoneOffset.ofHours(7);

  /** The most units the code scheme can name: 999 per province in {@link Catalog#PROVINCES}. */
  public static final int MAX_UNITS = 999 * Catalog.PROVINCES.size();

  /**
   * What to generate.
   *
   * @param seed the seed: the same seed gives the same files
   * @param units number of units (offices), each with at least one snapshot
   * @param snapshots total number of snapshots, at least {@code units}
   * @param days the period's length in days
   * @param from the period's first day
   */
  public record Options(long seed, int units, int snapshots, int days, LocalDate from) {
    public Options {
      if (units < 1 || units > MAX_UNITS) {
        throw new IllegalArgumentException("units must be 1.." + MAX_UNITS + ": " + units);
      }
      if (snapshots < units) {
        throw new IllegalArgumentException(
            "snapshots (" + snapshots + ") must be at least units (" + units + ")");
      }
      if (days < 1) {
        throw new IllegalArgumentException("days must be >= 1: " + days);
      }
    }
  }

  /**
   * What was written.
   *
   * @param units units written
   * @param machines distinct machines
   * @param snapshots snapshot files
   * @param bytes bytes written
   */
  public record Summary(int units, long machines, long snapshots, long bytes) {}

  private final Options options;

  public SnapshotGenerator(Options options) {
    this.options = options;
  }

  /** One unit's plan: code, name, level, how many machines and snapshots. */
  record UnitPlan(
      int index, String code, String name, String level, String province, int machines) {}

  /**
   * Writes every snapshot under {@code out}, which must be empty or absent.
   *
   * @return the counts
   */
  public Summary writeTo(Path out) throws IOException {
    List<UnitPlan> plans = plan();
    int[] perUnit =
        apportion(options.snapshots(), plans.stream().mapToDouble(UnitPlan::machines).toArray());
    Files.createDirectories(out);
    AtomicLong machines = new AtomicLong();
    AtomicLong files = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    IntStream.range(0, plans.size())
        .parallel()
        .forEach(
            u -> {
              UnitPlan plan = plans.get(u);
              Path dir = out.resolve(plan.code());
              try {
                Files.createDirectories(dir);
                List<Snapshot> unit = unitSnapshots(plan, perUnit[u]);
                java.util.Set<String> ids = new java.util.HashSet<>();
                for (Snapshot s : unit) {
                  byte[] json = SnapshotCodec.write(s);
                  Files.write(dir.resolve(s.snapshotId() + ".json"), json);
                  ids.add(s.machine().machineId());
                  bytes.addAndGet(json.length);
                }
                machines.addAndGet(ids.size());
                files.addAndGet(unit.size());
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    return new Summary(plans.size(), machines.get(), files.get(), bytes.get());
  }

  /** The units and their sizes; cheap, deterministic. */
  List<UnitPlan> plan() {
    List<UnitPlan> plans = new ArrayList<>(options.units());
    for (int u = 0; u < options.units(); u++) {
      SplittableRandom r = random(u, -1, -1);
      String[] province = Catalog.PROVINCES.get(u / 999);
      int serial = u % 999 + 1;
      String code = province[0] + String.format("%03d", serial);
      boolean department = serial <= Catalog.DEPARTMENTS.size();
      String name;
      String level;
      int machines;
      if (department) {
        name = Catalog.DEPARTMENTS.get(serial - 1);
        level = "province";
        machines = clamp((int) Math.round(Math.exp(Math.log(30) + 0.5 * r.nextGaussian())), 8, 150);
      } else {
        String first = pick(r, Catalog.SYLLABLES);
        String second = pick(r, Catalog.SYLLABLES);
        boolean ward = r.nextDouble() < 0.25;
        name = (ward ? "Phường " : "Xã ") + first + " " + second;
        level = "commune";
        // Log-normal: most communes have 5-15 PCs, a few town wards 30+.
        machines = clamp((int) Math.round(Math.exp(Math.log(9) + 0.55 * r.nextGaussian())), 2, 80);
      }
      plans.add(new UnitPlan(u, code, name, level, province[1], machines));
    }
    return plans;
  }

  /** Every snapshot of one unit, in machine order then time order. */
  List<Snapshot> unitSnapshots(UnitPlan unit, int count) {
    SplittableRandom ur = random(unit.index(), -2, -1);
    boolean internetConfigured = ur.nextDouble() < 0.7;
    boolean dedicatedConfigured = internetConfigured && ur.nextDouble() < 0.55;
    int measuring = 1 + (ur.nextDouble() < 0.35 ? 1 : 0);
    int[] internetPlansMbps = {30, 50, 80, 100, 150, 200, 300};
    int internetMbps = internetPlansMbps[ur.nextInt(internetPlansMbps.length)];
    int dedicatedMbps = new int[] {10, 20, 40, 100}[ur.nextInt(4)];
    double baseLatency = 6 + ur.nextDouble() * 45;
    boolean hasUps = ur.nextDouble() < 0.45;
    List<PrinterModel> officePrinters = new ArrayList<>();
    for (int i = 0; i < 1 + ur.nextInt(4); i++) {
      officePrinters.add(pick(ur, Catalog.PRINTERS));
    }
    Office office =
        new Office(
            unit,
            internetConfigured,
            dedicatedConfigured,
            measuring,
            internetMbps,
            dedicatedMbps,
            baseLatency,
            hasUps,
            officePrinters);

    int machines = Math.min(unit.machines(), count);
    double[] weights = new double[machines];
    boolean[] stops = new boolean[machines];
    for (int m = 0; m < machines; m++) {
      stops[m] = random(unit.index(), m, -3).nextDouble() < 0.05;
      weights[m] = stops[m] ? 0.35 : 1.0;
    }
    int[] perMachine = apportion(count, weights);
    List<Snapshot> out = new ArrayList<>(count);
    for (int m = 0; m < machines; m++) {
      Pcx pc = machine(office, m, stops[m]);
      List<OffsetDateTime> times = times(unit.index(), m, perMachine[m], stops[m]);
      for (int i = 0; i < times.size(); i++) {
        out.add(snapshot(office, pc, m, i, times.get(i)));
      }
    }
    return out;
  }

  /** What an office shares: its lines, printers and UPS. */
  record Office(
      UnitPlan unit,
      boolean internet,
      boolean dedicated,
      int measuring,
      int internetMbps,
      int dedicatedMbps,
      double baseLatencyMs,
      boolean hasUps,
      List<PrinterModel> printers) {}

  /** One machine's fixed traits. */
  record Pcx(
      String hostname,
      String machineId,
      String idSource,
      String role,
      List<String> tags,
      Tier tier,
      Pc pc,
      String serial,
      Cpu cpu,
      long memoryBytes,
      int modules,
      String memoryType,
      long clockHz,
      List<DiskModel> disks,
      Os os,
      String osBuild,
      boolean uefi,
      boolean secureBoot,
      String tpm,
      List<DisplayModel> displays,
      List<PrinterModel> printers,
      UpsModel ups,
      String[] token,
      String[] input,
      String antivirus,
      long avState,
      String mac,
      String ipv4,
      boolean wifi,
      long freeBytes,
      double upgradeAt) {}

  private Pcx machine(Office office, int m, boolean stops) {
    SplittableRandom r = random(office.unit().index(), m, -4);
    boolean laptop = r.nextDouble() < 0.2;
    double t = r.nextDouble();
    Tier tier = t < 0.35 ? Tier.OLD : t < 0.78 ? Tier.MID : Tier.NEW;
    Pc pc;
    Cpu cpu;
    if (laptop) {
      int i = tier == Tier.OLD ? 0 : 1 + r.nextInt(Catalog.LAPTOPS.size() - 1);
      pc = Catalog.LAPTOPS.get(i);
      cpu =
          i == 0
              ? Catalog.LAPTOP_CPUS.get(0)
              : Catalog.LAPTOP_CPUS.get(1 + r.nextInt(Catalog.LAPTOP_CPUS.size() - 1));
    } else {
      pc =
          pick(
              r,
              switch (tier) {
                case OLD -> Catalog.OLD_PCS;
                case MID -> Catalog.MID_PCS;
                case NEW -> Catalog.NEW_PCS;
              });
      cpu =
          pick(
              r,
              switch (tier) {
                case OLD -> Catalog.OLD_CPUS;
                case MID -> Catalog.MID_CPUS;
                case NEW -> Catalog.NEW_CPUS;
              });
    }
    boolean old = pc.firmwareYear() < 2017;
    long gib = Catalog.GIB;
    long memory;
    int modules;
    if (old) {
      double x = r.nextDouble();
      memory = x < 0.12 ? 2 * gib : x < 0.8 ? 4 * gib : 8 * gib;
      modules = memory == 8 * gib ? 2 : 1;
    } else if (pc.firmwareYear() < 2021) {
      memory = r.nextDouble() < 0.25 ? 4 * gib : 8 * gib;
      modules = memory == 8 * gib && r.nextBoolean() ? 2 : 1;
    } else {
      memory = r.nextDouble() < 0.6 ? 8 * gib : 16 * gib;
      modules = memory == 16 * gib ? 2 : 1;
    }
    String memoryType = old ? "DDR3" : pc.firmwareYear() >= 2024 ? "DDR5" : "DDR4";
    long clock =
        switch (memoryType) {
          case "DDR3" -> 1_600_000_000L;
          case "DDR5" -> 4_800_000_000L;
          default -> pc.firmwareYear() >= 2021 ? 3_200_000_000L : 2_666_000_000L;
        };
    List<DiskModel> disks = new ArrayList<>();
    if (laptop) {
      disks.add(
          old
              ? new DiskModel("ST500LT012-1DG142", 500_107_862_016L, false, false)
              : pick(r, Catalog.NEW_DISKS));
    } else if (old) {
      // A few old PCs got a cheap SSD; the HDD stays as a data disk.
      if (r.nextDouble() < 0.15) {
        disks.add(Catalog.MID_DISKS.get(0));
      }
      disks.add(pick(r, Catalog.OLD_DISKS));
    } else if (tier == Tier.MID) {
      disks.add(pick(r, Catalog.MID_DISKS));
    } else {
      disks.add(pick(r, Catalog.NEW_DISKS));
      if (r.nextDouble() < 0.2) {
        disks.add(Catalog.MID_DISKS.get(2));
      }
    }
    boolean win11Capable = !old && cpu.model() != 94 && !cpu.name().contains("i5-7500");
    Os os;
    String build;
    double o = r.nextDouble();
    if (o < 0.05 && !laptop) {
      os = pick(r, Catalog.LINUXES);
      build = os.build();
    } else if (old && o < 0.08) {
      os = Catalog.WIN7;
      build = "7601";
    } else if (win11Capable && o < (tier == Tier.NEW ? 0.95 : 0.5)) {
      boolean h24 = r.nextDouble() < 0.35;
      os = h24 ? Catalog.WIN11_24H2 : Catalog.WIN11_23H2;
      build = pick(r, h24 ? Catalog.WIN11_24H2_REVISIONS : Catalog.WIN11_23H2_REVISIONS);
    } else {
      os = Catalog.WIN10;
      build = pick(r, Catalog.WIN10_REVISIONS);
    }
    boolean uefi = !old || r.nextDouble() < 0.3;
    boolean secureBoot =
        uefi && (os == Catalog.WIN11_23H2 || os == Catalog.WIN11_24H2 || r.nextBoolean());
    String tpm = old ? (r.nextDouble() < 0.5 ? "none" : "1.2") : "2.0";
    if (r.nextDouble() < 0.04) {
      tpm = null; // the agent ran without elevation: Get-Tpm refused
    }
    List<DisplayModel> displays = new ArrayList<>();
    if (laptop) {
      displays.add(pick(r, Catalog.PANELS));
    }
    if (!laptop || r.nextDouble() < 0.3) {
      displays.add(pick(r, Catalog.MONITORS));
      if (r.nextDouble() < 0.06) {
        displays.add(pick(r, Catalog.MONITORS));
      }
    }
    List<PrinterModel> printers = new ArrayList<>();
    for (PrinterModel p : office.printers()) {
      if (p.network() ? r.nextDouble() < 0.7 : r.nextDouble() < 0.3) {
        printers.add(p);
      }
    }
    UpsModel ups =
        office.hasUps() && !laptop && m < 2 && r.nextDouble() < 0.7 ? pick(r, Catalog.UPSES) : null;
    String[] token = r.nextDouble() < 0.3 ? pick(r, Catalog.TOKENS) : null;
    String[] input = pick(r, Catalog.INPUT_DEVICES);
    String av = null;
    long avState = 0;
    if (os.family().equals("Windows")) {
      av = r.nextDouble() < 0.75 ? Catalog.ANTIVIRUS.get(0) : pick(r, Catalog.ANTIVIRUS);
      double s = r.nextDouble();
      avState =
          s < 0.85 ? Catalog.AV_ON_CURRENT : s < 0.95 ? Catalog.AV_ON_OUTDATED : Catalog.AV_OFF;
    }
    String unitCode = office.unit().code();
    String desk = Catalog.DESKS.get(m % Catalog.DESKS.size());
    String hostname =
        "U" + unitCode + "-" + desk + "-" + String.format("%02d", m / Catalog.DESKS.size() + 1);
    boolean cheapBoard = pc.manufacturer().equals("FPT") || pc.manufacturer().equals("CMS");
    String serial = cheapBoard ? null : serial(r, pc);
    String idSource = cheapBoard ? "mac" : "hardware";
    String mac = mac(r, laptop);
    String ipv4 =
        "10."
            + office.unit().code().substring(0, 2).replaceFirst("^0", "")
            + "."
            + (office.unit().index() % 250)
            + "."
            + (10 + m % 240);
    long systemSize = disks.get(0).sizeBytes();
    long free = (long) (systemSize * (0.05 + 0.6 * r.nextDouble()));
    // 3% of machines get a RAM upgrade part-way through the period.
    double upgradeAt = memory < 8 * gib && r.nextDouble() < 0.03 ? 0.3 + 0.4 * r.nextDouble() : -1;
    return new Pcx(
        hostname,
        hex(r) + hex(r),
        idSource,
        laptop ? "laptop" : "desktop",
        tags(r, desk),
        tier,
        pc,
        serial,
        cpu,
        memory,
        modules,
        memoryType,
        clock,
        List.copyOf(disks),
        os,
        build,
        uefi,
        secureBoot,
        tpm,
        List.copyOf(displays),
        List.copyOf(printers),
        ups,
        token,
        input,
        av,
        avState,
        mac,
        ipv4,
        laptop && r.nextDouble() < 0.6,
        free,
        upgradeAt);
  }

  private static List<String> tags(SplittableRandom r, String desk) {
    if (desk.equals("MOTCUA")) {
      return List.of("một-cửa");
    }
    return r.nextDouble() < 0.1 ? List.of("tầng-" + (1 + r.nextInt(3))) : List.of();
  }

  /** When each snapshot of a machine was taken: spread over the period in office hours. */
  private List<OffsetDateTime> times(int unit, int m, int count, boolean stops) {
    SplittableRandom r = random(unit, m, -5);
    double windowDays = options.days() * (stops ? 0.25 + 0.45 * r.nextDouble() : 1.0);
    List<OffsetDateTime> out = new ArrayList<>(count);
    OffsetDateTime start = options.from().atStartOfDay().atOffset(VN);
    for (int i = 0; i < count; i++) {
      double slot = windowDays / count;
      double day = slot * i + slot * r.nextDouble() * 0.8;
      long dayIndex = (long) Math.floor(day);
      // 07:30 to 17:00, second resolution, with milliseconds as the agent writes them.
      long secondOfDay = 7 * 3600 + 1800 + r.nextLong(9 * 3600 + 1800);
      out.add(
          start
              .plusDays(dayIndex)
              .plusSeconds(secondOfDay)
              .plusNanos(r.nextInt(1000) * 1_000_000L));
    }
    return out;
  }

  private Snapshot snapshot(Office office, Pcx pc, int m, int i, OffsetDateTime takenAt) {
    SplittableRandom r = random(office.unit().index(), m, i);
    UUID id =
        new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & ~(3L << 62)) | (1L << 63));
    double progress =
        (double)
                java.time.Duration.between(options.from().atStartOfDay().atOffset(VN), takenAt)
                    .toMinutes()
            / (options.days() * 24.0 * 60);
    long memory =
        pc.upgradeAt() >= 0 && progress >= pc.upgradeAt() ? 8 * Catalog.GIB : pc.memoryBytes();
    int modules = memory == pc.memoryBytes() ? pc.modules() : 2;
    ComputerSystem cs =
        new ComputerSystem(
            pc.pc().manufacturer().equals("FPT") || pc.pc().manufacturer().equals("CMS")
                ? null
                : pc.pc().manufacturer(),
            pc.pc().model(),
            pc.serial(),
            pc.pc().chassis(),
            new ComputerSystem.Firmware(
                pc.pc().manufacturer().equals("FPT")
                    ? "American Megatrends Inc."
                    : pc.pc().manufacturer(),
                pc.pc().firmwareVersion(),
                pc.pc().firmwareYear()
                    + "-0"
                    + (1 + Math.abs(pc.machineId().hashCode()) % 9)
                    + "-15"),
            pc.uefi() ? "UEFI" : "LEGACY",
            pc.uefi() ? pc.secureBoot() : Boolean.FALSE,
            pc.tpm());
    boolean windows = pc.os().family().equals("Windows");
    OperatingSystem os =
        new OperatingSystem(
            pc.os().family(),
            pc.os().name(),
            pc.os().version(),
            pc.osBuild(),
            windows ? pc.os().edition() : null,
            64);
    Cpu c = pc.cpu();
    Processor cpu =
        new Processor(
            c.name(),
            c.vendor(),
            c.family(),
            c.model(),
            c.microarchitecture(),
            c.cores(),
            c.threads(),
            c.hz());
    List<Memory.MemoryModule> mods = new ArrayList<>();
    long each = memory / modules;
    for (int k = 0; k < modules; k++) {
      mods.add(
          new Memory.MemoryModule(
              windows ? "BANK " + k : "DIMM" + k,
              each,
              pc.memoryType(),
              pc.clockHz(),
              k % 2 == 0 ? "Kingston" : "Samsung",
              pc.memoryType().equals("DDR3") ? "99U5471-054.A00LF" : "KVR26N19S8/8"));
    }
    // What the OS can use: less than installed (firmware and graphics reserve some).
    long usable = memory - memory / 64 - 64L * 1024 * 1024;
    Memory mem = new Memory(usable, mods);
    List<Storage.Disk> disks = new ArrayList<>();
    for (int k = 0; k < pc.disks().size(); k++) {
      DiskModel d = pc.disks().get(k);
      String name =
          windows
              ? "\\\\.\\PHYSICALDRIVE" + k
              : d.nvme() ? "/dev/nvme" + k + "n1" : "/dev/sd" + (char) ('a' + k);
      String reason =
          d.nvme()
              ? "NVMe disk"
              : windows
                  ? "MediaType " + (d.ssd() ? "SSD" : "HDD") + " (MSFT_PhysicalDisk)"
                  : (d.ssd() ? "rotational=0" : "rotational=1") + " (/sys/block)";
      disks.add(
          new Storage.Disk(
              name,
              d.model(),
              "S" + pc.machineId().substring(0, 12).toUpperCase(java.util.Locale.ROOT) + k,
              d.sizeBytes(),
              d.ssd() ? DiskType.SSD : DiskType.HDD,
              reason,
              false,
              k == 0));
    }
    long total = pc.disks().get(0).sizeBytes() - 1_000_000_000L;
    long free =
        Math.max(
            1_000_000_000L, pc.freeBytes() - (long) (progress * 4e9) + r.nextLong(500_000_000L));
    Storage storage =
        new Storage(
            disks,
            new Storage.Volume(
                windows ? "C:\\" : "/",
                windows ? "NTFS" : "ext4",
                total,
                Math.min(free, total),
                disks.get(0).name()));
    Peripherals peripherals = peripherals(pc, windows);
    List<AntivirusProduct> av =
        windows
            ? List.of(
                new AntivirusProduct(
                    pc.antivirus(),
                    pc.avState() != Catalog.AV_OFF,
                    pc.avState() == Catalog.AV_ON_CURRENT,
                    pc.avState()))
            : null;
    List<LineMeasurement> lines = new ArrayList<>();
    if (m < office.measuring()) {
      if (office.internet()) {
        lines.add(
            line(
                r,
                "internet",
                "https://do-kiem." + office.unit().province() + ".gov.vn:8443",
                office.internetMbps(),
                office.baseLatencyMs(),
                0.88));
      }
      if (office.dedicated()) {
        lines.add(
            line(
                r,
                "dedicated",
                "http://10."
                    + office.unit().code().substring(0, 2).replaceFirst("^0", "")
                    + ".0.10:8080",
                office.dedicatedMbps(),
                office.baseLatencyMs() / 3,
                0.8));
      }
    }
    List<Diagnostics.Probe> probes = new ArrayList<>();
    long totalMs = 0;
    for (String probe : Catalog.PROBES) {
      long ms =
          probe.equals("tpm") || probe.equals("antivirus") ? 200 + r.nextInt(800) : r.nextInt(400);
      totalMs += ms;
      String status = "OK";
      String error = null;
      if (probe.equals("antivirus") && !windows) {
        status = "UNSUPPORTED";
        error = "no registry of antivirus products on Linux";
      } else if (probe.equals("tpm") && pc.tpm() == null) {
        status = "FAILED";
        error = "Get-Tpm requires elevation";
      }
      probes.add(new Diagnostics.Probe(probe, status, ms, error));
    }
    return new Snapshot(
        Snapshot.SCHEMA_VERSION,
        id,
        takenAt,
        new AgentInfo("hatang-agent", "0.1.0"),
        new UnitRef(office.unit().code(), office.unit().name(), office.unit().level()),
        new Machine(pc.hostname(), pc.machineId(), pc.idSource(), pc.role(), pc.tags()),
        cs,
        os,
        cpu,
        mem,
        storage,
        peripherals,
        av,
        lines,
        new Diagnostics(totalMs / 2 + r.nextInt(300), probes));
  }

  private static Peripherals peripherals(Pcx pc, boolean windows) {
    List<Peripherals.Display> displays = new ArrayList<>();
    for (DisplayModel d : pc.displays()) {
      displays.add(new Peripherals.Display(d.manufacturer(), d.model(), d.widthCm(), d.heightCm()));
    }
    List<Peripherals.Printer> printers = new ArrayList<>();
    List<Peripherals.UsbDevice> usb = new ArrayList<>();
    usb.add(
        new Peripherals.UsbDevice(
            pc.input()[0], pc.input()[1], pc.input()[2], pc.input()[3], null));
    boolean first = true;
    int usbPort = 1;
    for (PrinterModel p : pc.printers()) {
      String port =
          p.network() ? "IP_" + pc.ipv4().replaceAll("\\.\\d+$", ".250") : "USB00" + usbPort++;
      printers.add(
          new Peripherals.Printer(
              p.name(),
              windows ? p.driver() : null,
              windows
                  ? port
                  : (p.network()
                      ? "socket://" + port.substring(3)
                      : "usb://" + p.name().replace(' ', '/')),
              first,
              p.network(),
              windows ? "idle" : "idle"));
      if (!p.network()) {
        usb.add(
            new Peripherals.UsbDevice(
                p.name(), p.name().split(" ")[0], p.vendorId(), p.productId(), null));
      }
      first = false;
    }
    if (windows) {
      printers.add(
          new Peripherals.Printer(
              "Microsoft Print to PDF",
              "Microsoft Print To PDF",
              "PORTPROMPT:",
              printers.isEmpty(),
              false,
              "idle"));
    }
    List<Peripherals.PowerSource> power = new ArrayList<>();
    if (pc.role().equals("laptop")) {
      power.add(
          new Peripherals.PowerSource("Internal Battery", "Li-ion Battery", "battery", 80.0, true));
    }
    if (pc.ups() != null) {
      power.add(new Peripherals.PowerSource("UPS", pc.ups().name(), "ups", 100.0, true));
      usb.add(
          new Peripherals.UsbDevice(
              "HID UPS Battery",
              pc.ups().vendor(),
              pc.ups().vendorId(),
              pc.ups().productId(),
              null));
    }
    if (pc.token() != null) {
      usb.add(
          new Peripherals.UsbDevice(
              pc.token()[0], pc.token()[1], pc.token()[2], pc.token()[3], null));
    }
    List<Peripherals.NetworkInterface> nics = new ArrayList<>();
    nics.add(
        new Peripherals.NetworkInterface(
            pc.wifi() ? (windows ? "Wi-Fi" : "wlp2s0") : (windows ? "Ethernet" : "enp1s0"),
            pc.wifi() ? "Intel(R) Wi-Fi 6 AX201 160MHz" : "Realtek PCIe GbE Family Controller",
            pc.mac(),
            List.of(pc.ipv4()),
            List.of(),
            pc.wifi() ? 144_000_000L : 1_000_000_000L,
            false,
            true));
    return new Peripherals(displays, printers, usb, nics, power);
  }

  private static LineMeasurement line(
      SplittableRandom r,
      String name,
      String endpoint,
      int planMbps,
      double latency,
      double okShare) {
    double x = r.nextDouble();
    if (x >= okShare) {
      String[][] failures = {
        {"TIMEOUT", "no answer from " + endpoint + " within 30 s"},
        {"REFUSED", "connection refused: " + endpoint},
        {"DNS", "cannot resolve the host of " + endpoint},
        {"BUSY", "the server is busy (429) after 2 retries"}
      };
      String[] f = failures[r.nextInt(failures.length)];
      return LineMeasurement.failed(name, endpoint, null, f[0], f[1], 1000L + r.nextInt(60_000));
    }
    double ceiling = planMbps * 0.956;
    // Office lines are shared: most measurements land at 55-100% of the plan.
    double down = round1(ceiling * (0.55 + 0.45 * r.nextDouble()));
    double up = round1(ceiling * (0.3 + 0.65 * r.nextDouble()));
    double lat = round1(latency * (0.9 + 0.3 * r.nextDouble()));
    double jitter = round1(0.3 + r.nextDouble() * latency / 6);
    List<Double> samples = new ArrayList<>();
    double min = Double.MAX_VALUE;
    for (int k = 0; k < 19; k++) {
      double s = round1(lat + (r.nextDouble() - 0.5) * 2 * jitter);
      s = Math.max(0.5, s);
      samples.add(s);
      min = Math.min(min, s);
    }
    LineMeasurement.Transfer dl = transfer(r, down);
    LineMeasurement.Transfer ul = transfer(r, up);
    return new LineMeasurement(
        name,
        endpoint,
        null,
        "OK",
        null,
        4,
        down,
        up,
        lat,
        min,
        jitter,
        round1(lat * (2 + 3 * r.nextDouble())),
        dl.bytes() + ul.bytes() + 3_000_000L,
        22_000L + r.nextInt(2000),
        dl,
        ul,
        samples);
  }

  private static LineMeasurement.Transfer transfer(SplittableRandom r, double mbps) {
    List<Double> intervals = new ArrayList<>();
    int count = 40;
    for (int k = 0; k < count; k++) {
      double ramp = k < 8 ? (k + 1) / 8.0 : 1.0;
      intervals.add(round1(mbps * ramp * (0.85 + 0.3 * r.nextDouble())));
    }
    long windowMs = 8000;
    long bytes = (long) (mbps * 1e6 / 8 * windowMs / 1000);
    return new LineMeasurement.Transfer(mbps, bytes, windowMs, 2000L, 250, intervals);
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static String serial(SplittableRandom r, Pc pc) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    StringBuilder s =
        new StringBuilder(
            pc.manufacturer().startsWith("H")
                ? "4CE"
                : pc.manufacturer().startsWith("D") ? "" : "PC");
    while (s.length() < 10) {
      s.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static String mac(SplittableRandom r, boolean laptop) {
    // Real vendor prefixes (Realtek-based boards, Intel Wi-Fi): globally unique, unicast.
    String[] ouis =
        laptop
            ? new String[] {"f4:26:79", "3c:6a:a7"}
            : new String[] {"c4:65:16", "a4:bb:6d", "00:e0:4c"};
    return ouis[r.nextInt(ouis.length)]
        + String.format(":%02x:%02x:%02x", r.nextInt(256), r.nextInt(256), r.nextInt(256));
  }

  private static String hex(SplittableRandom r) {
    return String.format("%016x", r.nextLong());
  }

  /**
   * A random stream for one unit ({@code m} and {@code i} negative for unit-wide streams), one
   * machine, or one snapshot, independent of the order things are generated in.
   */
  private SplittableRandom random(int unit, int m, int i) {
    long h = options.seed();
    h = mix(h ^ (0x9E3779B97F4A7C15L * (unit + 1)));
    h = mix(h ^ (0xC2B2AE3D27D4EB4FL * (m + 3)));
    h = mix(h ^ (0x165667B19E3779F9L * (i + 7)));
    return new SplittableRandom(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static <T> T pick(SplittableRandom r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /**
   * Splits {@code total} into integer shares proportional to {@code weights}, each at least 1 when
   * {@code total >= weights.length} (largest remainder; ties to the lower index). The shares sum to
   * {@code total}.
   */
  static int[] apportion(int total, double[] weights) {
    int n = weights.length;
    int[] out = new int[n];
    int rest = total;
    if (total >= n) {
      java.util.Arrays.fill(out, 1);
      rest -= n;
    }
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double[] frac = new double[n];
    int given = 0;
    for (int k = 0; k < n; k++) {
      double exact = rest * weights[k] / sum;
      int whole = (int) Math.floor(exact);
      out[k] += whole;
      given += whole;
      frac[k] = exact - whole;
    }
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(
        order, (a, b) -> frac[a] != frac[b] ? Double.compare(frac[b], frac[a]) : a - b);
    for (int k = 0; k < rest - given; k++) {
      out[order[k % n]]++;
    }
    return out;
  }
}
