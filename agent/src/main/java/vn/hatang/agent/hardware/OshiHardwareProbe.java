package vn.hatang.agent.hardware;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.DisplayInfo;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HWPartition;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.hardware.PhysicalMemory;
import oshi.software.os.OSFileStore;
import vn.hatang.agent.identity.JunkIdentifiers;
import vn.hatang.core.snapshot.AntivirusProduct;
import vn.hatang.core.snapshot.ComputerSystem;
import vn.hatang.core.snapshot.Memory;
import vn.hatang.core.snapshot.OperatingSystem;
import vn.hatang.core.snapshot.Peripherals;
import vn.hatang.core.snapshot.Processor;
import vn.hatang.core.snapshot.Storage;

/**
 * Reads the machine with OSHI plus the platform's own sources ({@code /sys}, PowerShell) for what
 * OSHI does not cover. Every probe runs isolated (see {@link ProbeRunner}); OSHI's sentinels become
 * {@code null} here and OSHI types never leave this class. Not thread-safe: one collection at a
 * time.
 */
public final class OshiHardwareProbe implements HardwareProbe {
  /** Devices that are not physical disks: RAM disks, loop devices, device-mapper, optical. */
  private static final Pattern NOT_A_DISK =
      Pattern.compile("^/dev/(zram|loop|ram|dm-|sr|fd|md)\\d*.*");

  private static final Pattern HEX4 = Pattern.compile("^[0-9a-f]{4}$");
  private static final Pattern MAC = Pattern.compile("^[0-9a-f]{2}(:[0-9a-f]{2}){5,7}$");

  private static final List<String> VIRTUAL_NIC_PREFIXES =
      List.of(
          "docker",
          "veth",
          "virbr",
          "br-",
          "vmnet",
          "vboxnet",
          "tun",
          "tap",
          "wg",
          "zt",
          "tailscale",
          "vethernet",
          "vmware",
          "virtualbox",
          "hyper-v");

  private final PlatformReader platform;

  /** A probe for the running OS, with {@link CommandRunner#DEFAULT_TIMEOUT} per command. */
  public OshiHardwareProbe() {
    this(platformFor(System.getProperty("os.name", "")), new CommandRunner());
  }

  private OshiHardwareProbe(String family, CommandRunner runner) {
    this.platform =
        switch (family) {
          case "Windows" -> new WindowsPlatform(runner);
          case "Linux" -> new LinuxPlatform(Path.of("/"), runner);
          default -> new GenericPlatform(family);
        };
  }

  static String platformFor(String osName) {
    String lower = osName.toLowerCase(Locale.ROOT);
    if (lower.startsWith("windows")) {
      return "Windows";
    }
    if (lower.startsWith("linux")) {
      return "Linux";
    }
    if (lower.startsWith("mac")) {
      return "macOS";
    }
    return osName;
  }

  @Override
  public HardwareReport collect() {
    ProbeRunner probes = new ProbeRunner();
    HardwareAbstractionLayer hal;
    oshi.software.os.OperatingSystem oshiOs;
    if (platform.family().equals("Linux")) {
      // OSHI's JNA-free Linux provider: the same sysfs/procfs reads without loading JNA and
      // libudev, which costs about 100 ms of start-up on every run.
      oshi.nativefree.SystemInfo info = new oshi.nativefree.SystemInfo();
      hal = info.getHardware();
      oshiOs = info.getOperatingSystem();
    } else {
      SystemInfo info = new SystemInfo();
      hal = info.getHardware();
      oshiOs = info.getOperatingSystem();
    }

    // The identity strings are read inside the probe: on Linux without sysfs DMI they fork
    // dmidecode/lshw, which may fail or time out.
    String[] ids = new String[4];
    oshi.hardware.ComputerSystem cs =
        probes.run(
            "computerSystem",
            () -> {
              if (!platform.dmiReadable()) {
                throw new UnsupportedProbeException(
                    "no DMI tables: the firmware or hypervisor exposes no system identity");
              }
              oshi.hardware.ComputerSystem c = hal.getComputerSystem();
              ids[0] = OshiValues.text(c.getManufacturer());
              ids[1] = OshiValues.text(c.getModel());
              ids[2] = OshiValues.text(c.getHardwareUUID());
              ids[3] = JunkIdentifiers.clean(c.getSerialNumber());
              return c;
            });
    String manufacturer = ids[0];
    String model = ids[1];
    String uuid = ids[2];
    ComputerSystem.Firmware firmware = probes.run("firmware", () -> firmware(cs));
    String bootMode = probes.run("bootMode", platform::bootMode);
    Boolean secureBoot = probes.run("secureBoot", () -> platform.secureBoot(bootMode));
    String tpm = probes.run("tpm", platform::tpmVersion);
    String chassis = probes.run("chassis", platform::chassis);
    Boolean virtual =
        probes.run("virtualization", () -> platform.virtualMachine(manufacturer, model));
    // Boot mode, Secure Boot and TPM are read apart from the firmware's identity tables: the
    // section is kept when those tables are missing (virtual machines).
    ComputerSystem computerSystem =
        new ComputerSystem(
            manufacturer, model, ids[3], chassis, firmware, bootMode, secureBoot, tpm);

    // Two lanes: OS, CPU and memory on a second thread while storage and peripherals are read
    // here. Probes wait mostly on forked tools and file reads; a PC has at least two cores.
    Object[] lane = new Object[4];
    Thread second =
        new Thread(
            () -> {
              lane[0] = probes.run("hostname", () -> hostname(oshiOs));
              WindowsVersion windows = probes.run("osVersion", platform::windowsVersion);
              lane[1] = probes.run("os", () -> os(oshiOs, windows));
              lane[2] = probes.run("cpu", () -> cpu(hal.getProcessor()));
              lane[3] = probes.run("memory", () -> memory(hal, platform.dmiReadable()));
            },
            "probe-lane");
    second.setDaemon(true);
    second.start();
    boolean inVm = Boolean.TRUE.equals(virtual);
    Storage storage = probes.run("storage", () -> storage(hal, oshiOs, inVm));
    Peripherals peripherals =
        new Peripherals(
            probes.run("displays", () -> displays(hal)),
            probes.run("printers", platform::printers),
            probes.run("usb", () -> usb(hal)),
            probes.run("network", () -> network(hal, inVm)),
            probes.run("power", () -> power(hal, platform.family().equals("Windows"))));
    List<AntivirusProduct> antivirus = probes.run("antivirus", platform::antivirus);
    try {
      second.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // join() makes the lane's writes visible here.
    String hostname = (String) lane[0];
    OperatingSystem os = (OperatingSystem) lane[1];
    Processor cpu = (Processor) lane[2];
    Memory memory = (Memory) lane[3];
    return new HardwareReport(
        hostname,
        computerSystem,
        os,
        cpu,
        memory,
        storage,
        peripherals,
        antivirus,
        uuid,
        virtual,
        inCanonicalOrder(probes.probes()));
  }

  /** The probes in the order they are written here, whichever lane finished first. */
  private static final List<String> ORDER =
      List.of(
          "computerSystem",
          "firmware",
          "bootMode",
          "secureBoot",
          "tpm",
          "chassis",
          "virtualization",
          "hostname",
          "osVersion",
          "os",
          "cpu",
          "memory",
          "storage",
          "displays",
          "printers",
          "usb",
          "network",
          "power",
          "antivirus");

  static List<vn.hatang.core.snapshot.Diagnostics.Probe> inCanonicalOrder(
      List<vn.hatang.core.snapshot.Diagnostics.Probe> probes) {
    return probes.stream()
        .sorted(
            java.util.Comparator.comparingInt(
                p -> ORDER.indexOf(p.name()) < 0 ? ORDER.size() : ORDER.indexOf(p.name())))
        .toList();
  }

  private static ComputerSystem.Firmware firmware(oshi.hardware.ComputerSystem cs) {
    if (cs == null) {
      return null;
    }
    oshi.hardware.Firmware fw = cs.getFirmware();
    ComputerSystem.Firmware firmware =
        new ComputerSystem.Firmware(
            OshiValues.text(fw.getManufacturer()),
            OshiValues.text(fw.getVersion()),
            OshiValues.text(fw.getReleaseDate()));
    boolean empty =
        firmware.manufacturer() == null
            && firmware.version() == null
            && firmware.releaseDate() == null;
    return empty ? null : firmware;
  }

  private static String hostname(oshi.software.os.OperatingSystem os) throws Exception {
    String name = OshiValues.text(os.getNetworkParams().getHostName());
    return name != null ? name : InetAddress.getLocalHost().getHostName();
  }

  private OperatingSystem os(oshi.software.os.OperatingSystem os, WindowsVersion windows) {
    Integer bitness = os.getBitness() == 32 || os.getBitness() == 64 ? os.getBitness() : null;
    oshi.software.os.OperatingSystem.OSVersionInfo version = os.getVersionInfo();
    if (windows != null) {
      return new OperatingSystem(
          platform.family(),
          windows.name() == null ? null : "Microsoft " + windows.name(),
          windows.version(),
          windows.build(),
          windows.edition(),
          bitness);
    }
    String distribution = OshiValues.text(os.getFamily());
    String release = OshiValues.text(version.getVersion());
    String name =
        distribution == null ? null : release == null ? distribution : distribution + " " + release;
    return new OperatingSystem(
        platform.family(), name, release, OshiValues.text(version.getBuildNumber()), null, bitness);
  }

  private Processor cpu(CentralProcessor processor) throws Exception {
    CpuInfoParser.Identity id = platform.cpuIdentity();
    Long vendorHz;
    if (id == null) {
      CentralProcessor.ProcessorIdentifier oshi = processor.getProcessorIdentifier();
      id =
          new CpuInfoParser.Identity(
              OshiValues.text(oshi.getVendor()),
              OshiValues.text(oshi.getName()),
              OshiValues.decimal(oshi.getFamily()),
              OshiValues.decimal(oshi.getModel()),
              OshiValues.decimal(oshi.getStepping()));
      vendorHz = OshiValues.positive(oshi.getVendorFreq());
    } else {
      vendorHz = id.nominalHz();
    }
    // Where the OS has nothing to read it from, OSHI would still fork lshw and dmidecode
    // (150-450 ms) to learn nothing.
    Long maxHz =
        platform.maxFrequencyReadable() ? OshiValues.positive(processor.getMaxFreq()) : null;
    if (maxHz == null) {
      // The nominal frequency in the marketing name ("@ 3.00GHz"), when there is one.
      maxHz = vendorHz;
    }
    return new Processor(
        id.name(),
        id.vendor(),
        id.family(),
        id.model(),
        Microarchitectures.lookup(id.vendor(), id.family(), id.model(), id.stepping()),
        OshiValues.positive(processor.getPhysicalProcessorCount()),
        OshiValues.positive(processor.getLogicalProcessorCount()),
        maxHz);
  }

  private static Memory memory(HardwareAbstractionLayer hal, boolean dmiReadable) {
    List<Memory.MemoryModule> modules = new ArrayList<>();
    // Modules come from the DMI tables (dmidecode on Linux): without them there is nothing to list.
    List<PhysicalMemory> physical = dmiReadable ? hal.getMemory().getPhysicalMemory() : List.of();
    for (PhysicalMemory m : physical) {
      modules.add(
          new Memory.MemoryModule(
              OshiValues.text(m.getBankLabel()),
              OshiValues.positive(m.getCapacity()),
              OshiValues.text(m.getMemoryType()),
              OshiValues.positive(m.getClockSpeed()),
              OshiValues.text(m.getManufacturer()),
              OshiValues.text(m.getPartNumber())));
    }
    // Every machine has memory: an empty list means the OS would not list the modules.
    return new Memory(
        OshiValues.positive(hal.getMemory().getTotal()), modules.isEmpty() ? null : modules);
  }

  private Storage storage(
      HardwareAbstractionLayer hal, oshi.software.os.OperatingSystem os, boolean inVm) {
    String mount = platform.systemMount();
    OSFileStore systemStore = null;
    for (OSFileStore store : os.getFileSystem().getFileStores(true)) {
      if (mount.equalsIgnoreCase(store.getMount())) {
        systemStore = store;
      }
    }
    String systemVolume = systemStore == null ? null : systemStore.getVolume();
    List<HWDiskStore> stores = new ArrayList<>();
    String systemDisk = null;
    for (HWDiskStore disk : hal.getDiskStores()) {
      if (NOT_A_DISK.matcher(disk.getName()).matches()) {
        continue;
      }
      stores.add(disk);
      if (holds(disk, mount, systemVolume)) {
        systemDisk = disk.getName();
      }
    }
    List<Storage.Disk> disks = new ArrayList<>();
    for (HWDiskStore disk : stores) {
      String model = OshiValues.text(disk.getModel());
      DiskClassifier.Classification type =
          DiskClassifier.classify(disk.getName(), model, disk.getDiskType(), inVm);
      disks.add(
          new Storage.Disk(
              disk.getName(),
              model,
              JunkIdentifiers.clean(disk.getSerial()),
              OshiValues.positive(disk.getSize()),
              type.type(),
              type.reason(),
              platform.removable(disk.getName()),
              // Unknown for every disk when the system disk could not be found.
              systemDisk == null ? null : disk.getName().equals(systemDisk)));
    }
    Storage.Volume volume =
        systemStore == null
            ? null
            : new Storage.Volume(
                systemStore.getMount(),
                OshiValues.text(systemStore.getType()),
                OshiValues.positive(systemStore.getTotalSpace()),
                systemStore.getUsableSpace() >= 0 ? systemStore.getUsableSpace() : null,
                systemDisk);
    return new Storage(disks, volume);
  }

  private static boolean holds(HWDiskStore disk, String mount, String volume) {
    if (volume != null && disk.getName().equals(volume)) {
      return true; // a file system on the whole disk, as on many VMs
    }
    for (HWPartition partition : disk.getPartitions()) {
      if (mount.equalsIgnoreCase(partition.getMountPoint())
          || (volume != null && volume.equals(partition.getIdentification()))) {
        return true;
      }
    }
    return false;
  }

  private static List<Peripherals.Display> displays(HardwareAbstractionLayer hal) {
    List<Peripherals.Display> displays = new ArrayList<>();
    for (oshi.hardware.Display display : hal.getDisplays()) {
      DisplayInfo info = display.getDisplayInfo();
      displays.add(
          new Peripherals.Display(
              OshiValues.text(info.getManufacturerID()),
              OshiValues.text(info.getModel()),
              OshiValues.positive(info.getHcm()),
              OshiValues.positive(info.getVcm())));
    }
    return displays;
  }

  private static List<Peripherals.UsbDevice> usb(HardwareAbstractionLayer hal) {
    List<Peripherals.UsbDevice> devices = new ArrayList<>();
    for (oshi.hardware.UsbDevice device : hal.getUsbDevices(false)) {
      devices.add(
          new Peripherals.UsbDevice(
              OshiValues.text(device.getName()),
              OshiValues.text(device.getVendor()),
              usbId(device.getVendorId()),
              usbId(device.getProductId()),
              JunkIdentifiers.clean(device.getSerialNumber())));
    }
    return devices;
  }

  /** A USB vendor or product id as 4 lower-case hex digits, or {@code null}. */
  static String usbId(String value) {
    String text = OshiValues.text(value);
    if (text == null) {
      return null;
    }
    String hex = text.toLowerCase(Locale.ROOT);
    if (hex.startsWith("0x")) {
      hex = hex.substring(2);
    }
    if (hex.length() < 4) {
      hex = "0".repeat(4 - hex.length()) + hex;
    }
    return HEX4.matcher(hex).matches() ? hex : null;
  }

  private static List<Peripherals.NetworkInterface> network(
      HardwareAbstractionLayer hal, boolean inVm) {
    List<Peripherals.NetworkInterface> nics = new ArrayList<>();
    for (NetworkIF nif : hal.getNetworkIFs()) {
      String name = nif.getName();
      String displayName = OshiValues.text(nif.getDisplayName());
      NetworkIF.IfOperStatus status = nif.getIfOperStatus();
      nics.add(
          new Peripherals.NetworkInterface(
              name,
              displayName,
              mac(nif.getMacaddr()),
              Arrays.asList(nif.getIPv4addr()),
              Arrays.asList(nif.getIPv6addr()),
              OshiValues.positive(nif.getSpeed()),
              inVm || nif.isKnownVmMacAddr() || isVirtualNicName(name, displayName),
              status == NetworkIF.IfOperStatus.UNKNOWN
                  ? null
                  : status == NetworkIF.IfOperStatus.UP));
    }
    return nics;
  }

  /** A MAC address, lower case and colon-separated, or {@code null} for none or all zeros. */
  static String mac(String value) {
    String text = OshiValues.text(value);
    if (text == null) {
      return null;
    }
    String mac = text.toLowerCase(Locale.ROOT).replace('-', ':');
    if (!MAC.matcher(mac).matches() || mac.replace(":", "").chars().allMatch(c -> c == '0')) {
      return null;
    }
    return mac;
  }

  static boolean isVirtualNicName(String name, String displayName) {
    String lowerName = name == null ? "" : name.toLowerCase(Locale.ROOT);
    String lowerDisplay = displayName == null ? "" : displayName.toLowerCase(Locale.ROOT);
    return VIRTUAL_NIC_PREFIXES.stream()
        .anyMatch(p -> lowerName.startsWith(p) || lowerDisplay.startsWith(p));
  }

  private static List<Peripherals.PowerSource> power(
      HardwareAbstractionLayer hal, boolean batteriesOnly) {
    List<Peripherals.PowerSource> sources = new ArrayList<>();
    for (oshi.hardware.PowerSource ps : hal.getPowerSources()) {
      String name = OshiValues.text(ps.getName());
      String device = OshiValues.text(ps.getDeviceName());
      double fraction = ps.getRemainingCapacityPercent();
      sources.add(
          new Peripherals.PowerSource(
              name,
              device,
              powerKind(name, device, batteriesOnly),
              fraction >= 0 && fraction <= 1 ? Math.round(fraction * 1000) / 10.0 : null,
              ps.isPowerOnLine()));
    }
    return sources;
  }

  /**
   * {@code ups} or {@code battery} from the names the OS gives, or {@code null}. On Windows OSHI
   * lists the battery device class only, so anything not named a UPS is a battery.
   */
  static String powerKind(String name, String deviceName, boolean batteriesOnly) {
    String text =
        ((name == null ? "" : name) + " " + (deviceName == null ? "" : deviceName))
            .toLowerCase(Locale.ROOT);
    if (text.matches(".*\\bups\\b.*")) {
      return "ups";
    }
    if (text.contains("bat") || batteriesOnly) {
      return "battery";
    }
    return null;
  }
}
