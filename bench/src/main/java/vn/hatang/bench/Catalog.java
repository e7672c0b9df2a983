package vn.hatang.bench;

import java.util.List;

/**
 * The equipment found in Vietnamese commune and department offices, as tables the generator draws
 * from: three desktop generations (a Haswell i3 with 4 GB and an HDD bought around 2014, a mid-life
 * 6th–10th generation PC, a new 12th-generation or Zen 3 one), laptops, printers, monitors, UPS
 * units, signing tokens. Names and ids are those real agents report. Immutable.
 */
final class Catalog {
  private Catalog() {}

  /** How old a machine is: decides CPU, memory, disk, firmware and OS. */
  enum Tier {
    OLD,
    MID,
    NEW
  }

  /**
   * A processor model.
   *
   * @param name marketing name, as the OS reports it
   * @param vendor {@code GenuineIntel} or {@code AuthenticAMD}
   * @param family CPU family
   * @param model CPU model
   * @param microarchitecture the microarchitecture
   * @param cores physical cores
   * @param threads logical cores
   * @param hz nominal frequency in hertz
   */
  record Cpu(
      String name,
      String vendor,
      int family,
      int model,
      String microarchitecture,
      int cores,
      int threads,
      long hz) {}

  /**
   * A PC model.
   *
   * @param manufacturer system manufacturer
   * @param model system model
   * @param chassis SMBIOS chassis name
   * @param firmwareVersion BIOS version string
   * @param firmwareYear the year of the BIOS release
   */
  record Pc(
      String manufacturer,
      String model,
      String chassis,
      String firmwareVersion,
      int firmwareYear) {}

  /**
   * A disk model.
   *
   * @param model model string
   * @param sizeBytes size in bytes
   * @param ssd whether it is a solid-state disk
   * @param nvme whether it is an NVMe disk
   */
  record DiskModel(String model, long sizeBytes, boolean ssd, boolean nvme) {}

  /**
   * A Windows or Linux release.
   *
   * @param family {@code Windows} or {@code Linux}
   * @param name product name
   * @param version marketing version
   * @param build build prefix (a revision is appended for Windows) or kernel release
   * @param edition Windows edition id, {@code null} on Linux
   */
  record Os(String family, String name, String version, String build, String edition) {}

  static final long GIB = 1024L * 1024 * 1024;

  static final List<Cpu> OLD_CPUS =
      List.of(
          new Cpu(
              "Intel(R) Core(TM) i3-4130 CPU @ 3.40GHz",
              "GenuineIntel",
              6,
              60,
              "Haswell (Client)",
              2,
              4,
              3_400_000_000L),
          new Cpu(
              "Intel(R) Core(TM) i3-4150 CPU @ 3.50GHz",
              "GenuineIntel",
              6,
              60,
              "Haswell (Client)",
              2,
              4,
              3_500_000_000L),
          new Cpu(
              "Intel(R) Core(TM) i3-4160 CPU @ 3.60GHz",
              "GenuineIntel",
              6,
              60,
              "Haswell (Client)",
              2,
              4,
              3_600_000_000L),
          new Cpu(
              "Intel(R) Core(TM) i3-4170 CPU @ 3.70GHz",
              "GenuineIntel",
              6,
              60,
              "Haswell (Client)",
              2,
              4,
              3_700_000_000L),
          new Cpu(
              "Intel(R) Pentium(R) CPU G3240 @ 3.10GHz",
              "GenuineIntel",
              6,
              60,
              "Haswell (Client)",
              2,
              2,
              3_100_000_000L),
          new Cpu(
              "Intel(R) Core(TM) i5-4570 CPU @ 3.20GHz",
              "GenuineIntel",
              6,
              60,
              "Haswell (Client)",
              4,
              4,
              3_200_000_000L));

  static final List<Cpu> MID_CPUS =
      List.of(
          new Cpu(
              "Intel(R) Core(TM) i5-6500 CPU @ 3.20GHz",
              "GenuineIntel",
              6,
              94,
              "Skylake (Client)",
              4,
              4,
              3_200_000_000L),
          new Cpu(
              "Intel(R) Core(TM) i5-7500 CPU @ 3.40GHz",
              "GenuineIntel",
              6,
              158,
              "Kaby Lake",
              4,
              4,
              3_400_000_000L),
          new Cpu(
              "Intel(R) Core(TM) i3-8100 CPU @ 3.60GHz",
              "GenuineIntel",
              6,
              158,
              "Coffee Lake",
              4,
              4,
              3_600_000_000L),
          new Cpu(
              "Intel(R) Core(TM) i5-8400 CPU @ 2.80GHz",
              "GenuineIntel",
              6,
              158,
              "Coffee Lake",
              6,
              6,
              2_800_000_000L),
          new Cpu(
              "Intel(R) Core(TM) i5-9400 CPU @ 2.90GHz",
              "GenuineIntel",
              6,
              158,
              "Coffee Lake",
              6,
              6,
              2_900_000_000L),
          new Cpu(
              "Intel(R) Core(TM) i5-10400 CPU @ 2.90GHz",
              "GenuineIntel",
              6,
              165,
              "Comet Lake",
              6,
              12,
              2_900_000_000L));

  static final List<Cpu> NEW_CPUS =
      List.of(
          new Cpu(
              "12th Gen Intel(R) Core(TM) i3-12100",
              "GenuineIntel",
              6,
              151,
              "Alder Lake",
              4,
              8,
              3_300_000_000L),
          new Cpu(
              "12th Gen Intel(R) Core(TM) i5-12400",
              "GenuineIntel",
              6,
              151,
              "Alder Lake",
              6,
              12,
              2_500_000_000L),
          new Cpu(
              "13th Gen Intel(R) Core(TM) i5-13400",
              "GenuineIntel",
              6,
              191,
              "Raptor Lake",
              10,
              16,
              2_500_000_000L),
          new Cpu(
              "12th Gen Intel(R) Core(TM) i7-12700",
              "GenuineIntel",
              6,
              151,
              "Alder Lake",
              12,
              20,
              2_100_000_000L),
          new Cpu(
              "AMD Ryzen 5 5600G with Radeon Graphics",
              "AuthenticAMD",
              25,
              80,
              "Zen 3",
              6,
              12,
              3_900_000_000L));

  static final List<Cpu> LAPTOP_CPUS =
      List.of(
          new Cpu(
              "Intel(R) Core(TM) i3-4005U CPU @ 1.70GHz",
              "GenuineIntel",
              6,
              69,
              "Haswell (Client)",
              2,
              4,
              1_700_000_000L),
          new Cpu(
              "11th Gen Intel(R) Core(TM) i5-1135G7 @ 2.40GHz",
              "GenuineIntel",
              6,
              140,
              "Tiger Lake",
              4,
              8,
              2_400_000_000L),
          new Cpu(
              "11th Gen Intel(R) Core(TM) i3-1115G4 @ 3.00GHz",
              "GenuineIntel",
              6,
              140,
              "Tiger Lake",
              2,
              4,
              3_000_000_000L),
          new Cpu(
              "12th Gen Intel(R) Core(TM) i5-1235U",
              "GenuineIntel",
              6,
              154,
              "Alder Lake",
              10,
              12,
              1_300_000_000L));

  static final List<Pc> OLD_PCS =
      List.of(
          new Pc("Hewlett-Packard", "HP ProDesk 400 G1 MT", "Mini Tower", "L01 v02.58", 2014),
          new Pc("Dell Inc.", "OptiPlex 3020", "Mini Tower", "A09", 2015),
          new Pc("LENOVO", "10AGS00P00", "Tower", "FBKTC1AUS", 2014),
          new Pc("FPT", "FPT Elead T7000", "Desktop", "4.6.5", 2014),
          new Pc("CMS", "CMS X-Media", "Desktop", "F4", 2014));

  static final List<Pc> MID_PCS =
      List.of(
          new Pc("HP", "HP ProDesk 400 G4 MT", "Mini Tower", "P01 Ver. 02.36", 2018),
          new Pc("HP", "HP ProDesk 400 G5 MT", "Mini Tower", "Q01 Ver. 02.12.00", 2019),
          new Pc("Dell Inc.", "OptiPlex 3060", "Mini Tower", "1.10.0", 2019),
          new Pc("Dell Inc.", "OptiPlex 3070", "Mini Tower", "1.14.0", 2020),
          new Pc("LENOVO", "10TXS0B100", "Tower", "M1UKT4FA", 2019),
          new Pc("FPT", "FPT Elead T8600", "Desktop", "5.12", 2019));

  static final List<Pc> NEW_PCS =
      List.of(
          new Pc("HP", "HP Pro Tower 280 G9 PCI Desktop PC", "Tower", "U05 Ver. 02.07.00", 2023),
          new Pc("Dell Inc.", "OptiPlex 7010", "Tower", "1.6.1", 2023),
          new Pc("LENOVO", "11SX001QVA", "Tower", "M4JKT2AA", 2023),
          new Pc("FPT", "FPT Elead T9000", "Desktop", "1.3", 2024),
          new Pc("ASUS", "ExpertCenter D500MD", "Tower", "0503", 2023));

  static final List<Pc> LAPTOPS =
      List.of(
          new Pc("Dell Inc.", "Inspiron 3442", "Notebook", "A10", 2015),
          new Pc("Dell Inc.", "Latitude 3420", "Notebook", "1.24.0", 2022),
          new Pc("HP", "HP ProBook 440 G8 Notebook PC", "Notebook", "T71 Ver. 01.13.00", 2022),
          new Pc("LENOVO", "21E3S04100", "Notebook", "R1SET38W (1.10 )", 2022),
          new Pc(
              "ASUSTeK COMPUTER INC.",
              "VivoBook_ASUSLaptop X415EA",
              "Notebook",
              "X415EA.312",
              2021));

  static final List<DiskModel> OLD_DISKS =
      List.of(
          new DiskModel("ST500DM002-1BD142", 500_107_862_016L, false, false),
          new DiskModel("WDC WD5000AAKX-08U6AA0", 500_107_862_016L, false, false),
          new DiskModel("TOSHIBA DT01ACA050", 500_107_862_016L, false, false),
          new DiskModel("ST1000DM003-1SB102", 1_000_204_886_016L, false, false));

  static final List<DiskModel> MID_DISKS =
      List.of(
          new DiskModel("KINGSTON SA400S37240G", 240_057_409_536L, true, false),
          new DiskModel("Samsung SSD 860 EVO 250GB", 250_059_350_016L, true, false),
          new DiskModel("WDC WD10EZEX-08WN4A0", 1_000_204_886_016L, false, false),
          new DiskModel("ST1000DM010-2EP102", 1_000_204_886_016L, false, false));

  static final List<DiskModel> NEW_DISKS =
      List.of(
          new DiskModel("SAMSUNG MZVL2256HCHQ-00B00", 256_060_514_304L, true, true),
          new DiskModel("KXG60ZNV256G TOSHIBA", 256_060_514_304L, true, true),
          new DiskModel("WDC PC SN530 SDBPNPZ-512G-1006", 512_110_190_592L, true, true),
          new DiskModel("Micron 2450 NVMe 512GB", 512_110_190_592L, true, true));

  static final List<String> WIN10_REVISIONS = List.of("19045.3803", "19045.4291", "19045.5131");
  static final List<String> WIN11_23H2_REVISIONS = List.of("22631.3880", "22631.4460");
  static final List<String> WIN11_24H2_REVISIONS = List.of("26100.2314", "26100.2605");

  static final Os WIN7 = new Os("Windows", "Microsoft Windows 7 Professional", "6.1", "7601", "");
  static final Os WIN10 = new Os("Windows", "Microsoft Windows 10 Pro", "22H2", "", "Professional");
  static final Os WIN11_23H2 =
      new Os("Windows", "Microsoft Windows 11 Pro", "23H2", "", "Professional");
  static final Os WIN11_24H2 =
      new Os("Windows", "Microsoft Windows 11 Pro", "24H2", "", "Professional");
  static final List<Os> LINUXES =
      List.of(
          new Os("Linux", "Ubuntu 22.04.4 LTS", "22.04", "5.15.0-105-generic", null),
          new Os("Linux", "Debian GNU/Linux 12 (bookworm)", "12", "6.1.0-21-amd64", null),
          new Os("Linux", "Ubuntu 24.04.1 LTS", "24.04", "6.8.0-49-generic", null));

  /** Display: PNP id, model, width and height in centimetres. */
  record DisplayModel(String manufacturer, String model, int widthCm, int heightCm) {}

  static final List<DisplayModel> MONITORS =
      List.of(
          new DisplayModel("DEL", "DELL E2216H", 48, 27),
          new DisplayModel("HPN", "HP P22v G4", 48, 27),
          new DisplayModel("SAM", "S22F350", 48, 27),
          new DisplayModel("GSM", "22MK430H", 48, 27),
          new DisplayModel("HWP", "HP L1710", 34, 27),
          new DisplayModel("AOC", "22B1HS", 48, 27),
          new DisplayModel("VSC", "VA2232-H", 48, 27));

  static final List<DisplayModel> PANELS =
      List.of(
          new DisplayModel("AUO", "B140HAN04.0", 31, 17),
          new DisplayModel("BOE", "NV140FHM-N48", 31, 17),
          new DisplayModel("CMN", "N140HCA-EAC", 31, 17));

  /**
   * A printer model.
   *
   * @param name queue name
   * @param driver Windows driver name
   * @param network whether it is reached over the network
   * @param vendorId USB vendor id, {@code null} for a network printer
   * @param productId USB product id
   */
  record PrinterModel(
      String name, String driver, boolean network, String vendorId, String productId) {}

  static final List<PrinterModel> PRINTERS =
      List.of(
          new PrinterModel("Canon LBP2900", "Canon LBP2900", false, "04a9", "2676"),
          new PrinterModel("Canon LBP 6030", "Canon LBP6030/6040/6018L", false, "04a9", "2822"),
          new PrinterModel(
              "HP LaserJet Pro M404dn", "HP LaserJet Pro M404-M405 PCL-6 (V4)", true, null, null),
          new PrinterModel(
              "Brother HL-L2321D series", "Brother HL-L2321D series", false, "04f9", "0082"),
          new PrinterModel(
              "HP LaserJet P1102", "HP LaserJet Professional P1102", false, "03f0", "002a"),
          new PrinterModel(
              "Canon iR2006/2206 UFR II", "Canon iR2006/2206 UFR II", true, null, null));

  /** UPS units seen over USB HID: name, vendor id, product id. */
  record UpsModel(String name, String vendor, String vendorId, String productId) {}

  static final List<UpsModel> UPSES =
      List.of(
          new UpsModel("Santak Blazer-1000 Pro", "Santak", "0665", "5161"),
          new UpsModel("APC Back-UPS BX1100CI-MS", "American Power Conversion", "051d", "0002"),
          new UpsModel("PROLiNK PRO700SFC", "Cyber Power System", "0764", "0501"));

  /** USB signing tokens of the CAs government offices use: name, vendor, ids. */
  static final List<String[]> TOKENS =
      List.of(
          new String[] {"ePass2003", "Feitian", "096e", "0807"},
          new String[] {"USB Token", "Feitian", "096e", "0608"},
          new String[] {"SafeNet eToken 5110", "SafeNet", "0529", "0620"});

  static final List<String[]> INPUT_DEVICES =
      List.of(
          new String[] {"USB Input Device", "Logitech", "046d", "c31c"},
          new String[] {"USB Optical Mouse", "Logitech", "046d", "c077"},
          new String[] {"USB Keyboard", "Dell", "413c", "2113"},
          new String[] {"HP USB Optical Mouse", "HP", "03f0", "094a"});

  /** Antivirus: name, product state (on+up to date, on+out of date, off). */
  static final List<String> ANTIVIRUS =
      List.of("Windows Defender", "BKAV Pro", "Kaspersky Endpoint Security for Windows");

  static final long AV_ON_CURRENT = 397568L;
  static final long AV_ON_OUTDATED = 397584L;
  static final long AV_OFF = 393472L;

  /** Office roles that become host names (one-stop desk, accounting, land registry, ...). */
  static final List<String> DESKS =
      List.of(
          "VANPHONG",
          "MOTCUA",
          "KETOAN",
          "DIACHINH",
          "TUPHAP",
          "VANHOA",
          "CHUTICH",
          "PCT",
          "LDTBXH",
          "THUQUY",
          "DANGUY",
          "MTTQ");

  /** Syllables of commune names; two make a name ("Nhơn Châu", "Hoài Hương"). */
  static final List<String> SYLLABLES =
      List.of(
          "Nhơn", "Châu", "Hoài", "Hương", "Phước", "Sơn", "Tây", "Bình", "Cát", "Mỹ", "Lộc", "An",
          "Vĩnh", "Thạnh", "Quang", "Trung", "Hưng", "Đức", "Tân", "Phú", "Hòa", "Xuân", "Kon",
          "Ia", "Đak", "Chư", "Pơ", "Hội", "Long", "Thuận", "Lợi", "Thắng");

  /** Provincial departments that run their own offices ("Sở Nội vụ", ...). */
  static final List<String> DEPARTMENTS =
      List.of(
          "Sở Nội vụ",
          "Sở Tài chính",
          "Sở Tư pháp",
          "Sở Khoa học và Công nghệ",
          "Sở Xây dựng",
          "Sở Y tế",
          "Sở Giáo dục và Đào tạo",
          "Sở Nông nghiệp và Môi trường",
          "Sở Công Thương",
          "Sở Văn hóa, Thể thao và Du lịch",
          "Văn phòng UBND tỉnh",
          "Thanh tra tỉnh");

  /**
   * Provinces, in the order units are handed out: the GSO code is the first two digits of each unit
   * code of that province.
   */
  static final List<String[]> PROVINCES =
      List.of(
          new String[] {"52", "gialai"},
          new String[] {"51", "quangngai"},
          new String[] {"56", "khanhhoa"},
          new String[] {"48", "danang"},
          new String[] {"66", "daklak"},
          new String[] {"01", "hanoi"},
          new String[] {"79", "hochiminh"},
          new String[] {"46", "hue"},
          new String[] {"40", "nghean"},
          new String[] {"38", "thanhhoa"});

  /** Probes in the agent's fixed order. */
  static final List<String> PROBES =
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
          "antivirus",
          "identity");
}
