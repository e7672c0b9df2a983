package vn.hatang.core.snapshot;

import java.util.List;

/**
 * Equipment the OS can see. A {@code null} list means the probe could not read that kind of
 * equipment; an empty list means it read and found none.
 *
 * @param displays monitors
 * @param printers printers installed in the OS
 * @param usbDevices USB devices
 * @param networkInterfaces network interfaces (not loopback)
 * @param powerSources batteries and UPS units the OS reports
 */
public record Peripherals(
    List<Display> displays,
    List<Printer> printers,
    List<UsbDevice> usbDevices,
    List<NetworkInterface> networkInterfaces,
    List<PowerSource> powerSources) {
  public Peripherals {
    displays = displays == null ? null : List.copyOf(displays);
    printers = printers == null ? null : List.copyOf(printers);
    usbDevices = usbDevices == null ? null : List.copyOf(usbDevices);
    networkInterfaces = networkInterfaces == null ? null : List.copyOf(networkInterfaces);
    powerSources = powerSources == null ? null : List.copyOf(powerSources);
  }

  /**
   * A monitor, from its EDID.
   *
   * @param manufacturer three-letter PNP manufacturer id
   * @param model model name from the EDID descriptor
   * @param widthCm width in centimetres
   * @param heightCm height in centimetres
   */
  public record Display(String manufacturer, String model, Integer widthCm, Integer heightCm) {}

  /**
   * A printer installed in the OS.
   *
   * @param name queue name
   * @param driver driver name
   * @param port port name or device URI
   * @param isDefault whether it is the default printer
   * @param network whether it is a network printer
   * @param status status as the OS reports it
   */
  public record Printer(
      String name, String driver, String port, Boolean isDefault, Boolean network, String status) {}

  /**
   * A USB device.
   *
   * @param name product name
   * @param vendor vendor name
   * @param vendorId 4-hex-digit vendor id
   * @param productId 4-hex-digit product id
   * @param serial serial number
   */
  public record UsbDevice(
      String name, String vendor, String vendorId, String productId, String serial) {}

  /**
   * A network interface.
   *
   * @param name OS name ({@code eth0}, {@code Ethernet})
   * @param displayName description
   * @param mac MAC address, lower case, colon-separated
   * @param ipv4 IPv4 addresses
   * @param ipv6 IPv6 addresses
   * @param speedBps link speed in bits per second, {@code null} when unknown
   * @param virtual whether the interface is virtual
   * @param up whether the interface is up
   */
  public record NetworkInterface(
      String name,
      String displayName,
      String mac,
      List<String> ipv4,
      List<String> ipv6,
      Long speedBps,
      Boolean virtual,
      Boolean up) {
    public NetworkInterface {
      ipv4 = ipv4 == null ? List.of() : List.copyOf(ipv4);
      ipv6 = ipv6 == null ? List.of() : List.copyOf(ipv6);
    }
  }

  /**
   * A battery or UPS.
   *
   * @param name name
   * @param deviceName device name
   * @param kind {@code battery} or {@code ups}, {@code null} when not known
   * @param remainingPercent remaining charge, 0–100
   * @param onLine whether running from mains power
   */
  public record PowerSource(
      String name, String deviceName, String kind, Double remainingPercent, Boolean onLine) {}
}
