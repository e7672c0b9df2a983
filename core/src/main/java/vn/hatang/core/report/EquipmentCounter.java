package vn.hatang.core.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hatang.core.snapshot.Peripherals;
import vn.hatang.core.snapshot.Snapshot;
import vn.hatang.core.util.Memo;

/**
 * Names the equipment a snapshot shows, item by item, each piece with a key that is the same when
 * another machine of the unit sees the same piece: a network printer installed on ten PCs is one
 * printer. A unit's count of an item is the size of the union of its machines' keys.
 *
 * <p>Items: {@code printer} (physical printers: virtual ones such as "Microsoft Print to PDF" are
 * left out; network printers keyed by their port or URI, local ones by machine and name), {@code
 * display}, {@code ups} (power sources the OS reports as a UPS, and USB devices the catalogue names
 * {@code ups}), and any item the USB catalogue gives a vendor id (or vendor:product id), such as
 * {@code usb_token} or {@code scanner}.
 */
public final class EquipmentCounter {
  private static final Pattern VIRTUAL_PRINTER =
      Pattern.compile(
          "(?i)print to pdf|xps document writer|onenote|\\bfax\\b|pdf creator|pdf24|"
              + "cutepdf|foxit|adobe pdf|anydesk|microsoft shared fax");

  /** Whether a printer or driver name is a virtual printer's: a fleet has a few dozen names. */
  private static final Memo<String, Boolean> VIRTUAL =
      new Memo<>(name -> VIRTUAL_PRINTER.matcher(name).find(), 10_000, String::length, 256);

  private final Map<String, String> usbItems;

  /**
   * @param usbItems item by lower-case USB vendor id ({@code 096e}) or vendor:product id ({@code
   *     0529:0620}); the more precise key wins
   */
  public EquipmentCounter(Map<String, String> usbItems) {
    Map<String, String> copy = new LinkedHashMap<>();
    usbItems.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v));
    this.usbItems = Map.copyOf(copy);
  }

  /** The pieces of equipment in a snapshot: keys by item. */
  public Map<String, Set<String>> pieces(Snapshot s) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    Peripherals p = s.peripherals();
    if (p == null) {
      return out;
    }
    String machine = s.machine().machineId();
    for (Peripherals.Printer printer : nonNull(p.printers())) {
      String name = printer.name() == null ? "" : printer.name();
      String driver = printer.driver() == null ? "" : printer.driver();
      if (VIRTUAL.get(name) || VIRTUAL.get(driver)) {
        continue;
      }
      boolean network = Boolean.TRUE.equals(printer.network());
      String port = printer.port() == null ? "" : printer.port().toLowerCase(Locale.ROOT).strip();
      String key = network && !port.isEmpty() ? "net:" + port : machine + ":" + name;
      add(out, "printer", key);
    }
    int i = 0;
    for (Peripherals.Display d : nonNull(p.displays())) {
      add(out, "display", machine + ":display:" + i++);
    }
    boolean upsAsPower = false;
    for (Peripherals.PowerSource ps : nonNull(p.powerSources())) {
      if ("ups".equalsIgnoreCase(ps.kind())) {
        add(out, "ups", machine + ":power:" + ps.name());
        upsAsPower = true;
      }
    }
    int u = 0;
    for (Peripherals.UsbDevice d : nonNull(p.usbDevices())) {
      String vid = d.vendorId() == null ? "" : d.vendorId().toLowerCase(Locale.ROOT);
      String pid = d.productId() == null ? "" : d.productId().toLowerCase(Locale.ROOT);
      String item = usbItems.getOrDefault(vid + ":" + pid, usbItems.get(vid));
      // A UPS on USB is usually also the OS's power source: count it once.
      if (item == null || vid.isEmpty() || (upsAsPower && item.equals("ups"))) {
        u++;
        continue;
      }
      String serial = d.serial() == null ? "" : d.serial().strip();
      String key =
          serial.isEmpty()
              ? machine + ":usb:" + vid + ":" + pid + ":" + u
              : "usb:" + vid + ":" + pid + ":" + serial;
      add(out, item, key);
      u++;
    }
    return out;
  }

  private static void add(Map<String, Set<String>> out, String item, String key) {
    out.computeIfAbsent(item, k -> new LinkedHashSet<>()).add(key);
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
