package vn.hatang.agent.hardware;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.hatang.core.snapshot.Peripherals.Printer;

/** Parses the printer lists of CUPS ({@code lpstat}) and Windows ({@code Win32_Printer}). */
public final class PrinterParser {
  /** Device-URI schemes that reach a printer over the network. */
  private static final Set<String> NETWORK_SCHEMES =
      Set.of("ipp", "ipps", "http", "https", "socket", "lpd", "smb", "dnssd", "mdns");

  private PrinterParser() {}

  /**
   * Parses {@code LC_ALL=C lpstat -p -d -v}: {@code printer NAME is idle. ...}, {@code printer NAME
   * disabled since ...}, {@code system default destination: NAME}, {@code device for NAME: URI}.
   * The driver is not listed by lpstat, so it is {@code null}.
   */
  public static List<Printer> parseLpstat(String text) {
    Map<String, String> status = new LinkedHashMap<>();
    Map<String, String> devices = new LinkedHashMap<>();
    String defaultName = null;
    for (String line : text.split("\\R")) {
      if (line.startsWith("printer ")) {
        String rest = line.substring("printer ".length());
        int space = rest.indexOf(' ');
        if (space < 0) {
          continue;
        }
        status.put(rest.substring(0, space), lpstatState(rest.substring(space + 1)));
      } else if (line.startsWith("system default destination:")) {
        defaultName = line.substring(line.indexOf(':') + 1).strip();
      } else if (line.startsWith("device for ")) {
        String rest = line.substring("device for ".length());
        int colon = rest.indexOf(": ");
        if (colon > 0) {
          devices.put(rest.substring(0, colon), rest.substring(colon + 2).strip());
        }
      }
    }
    List<Printer> printers = new ArrayList<>();
    for (Map.Entry<String, String> entry : status.entrySet()) {
      String name = entry.getKey();
      String uri = devices.get(name);
      printers.add(
          new Printer(
              name,
              null,
              uri,
              defaultName != null && defaultName.equals(name),
              uri == null ? null : isNetworkUri(uri),
              entry.getValue()));
    }
    return printers;
  }

  private static String lpstatState(String rest) {
    if (rest.startsWith("is idle")) {
      return "idle";
    }
    if (rest.startsWith("now printing")) {
      return "printing";
    }
    if (rest.startsWith("disabled")) {
      return "disabled";
    }
    return null;
  }

  /** Whether a CUPS device URI reaches the printer over the network. */
  static boolean isNetworkUri(String uri) {
    int colon = uri.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
    if (scheme.equals("hp") || scheme.equals("hpfax")) {
      return uri.substring(colon + 1).startsWith("/net/");
    }
    return NETWORK_SCHEMES.contains(scheme);
  }

  /**
   * Parses {@code Get-CimInstance Win32_Printer | Select-Object
   * Name,DriverName,PortName,Default,Network,PrinterStatus | ConvertTo-Csv -NoTypeInformation}.
   * {@code PrinterStatus} is decoded per the Win32_Printer documentation (3 = idle, 4 = printing, 7
   * = offline, ...).
   */
  public static List<Printer> parseWin32PrinterCsv(String text) {
    List<Printer> printers = new ArrayList<>();
    for (Map<String, String> row : CsvTable.parse(text)) {
      printers.add(
          new Printer(
              OshiValues.text(row.get("Name")),
              OshiValues.text(row.get("DriverName")),
              OshiValues.text(row.get("PortName")),
              bool(row.get("Default")),
              bool(row.get("Network")),
              win32Status(row.get("PrinterStatus"))));
    }
    return printers;
  }

  static Boolean bool(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static String win32Status(String code) {
    Integer value = OshiValues.decimal(code);
    if (value == null) {
      return null;
    }
    return switch (value) {
      case 1 -> "other";
      case 3 -> "idle";
      case 4 -> "printing";
      case 5 -> "warmup";
      case 6 -> "stopped printing";
      case 7 -> "offline";
      default -> null; // 2 = Unknown
    };
  }
}
