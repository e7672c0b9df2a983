package vn.hatang.agent.hardware;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * CPU microarchitecture names from OSHI's own table ({@code oshi.architecture.properties}), looked
 * up by vendor, family, model and stepping. OSHI's {@code getMicroarchitecture()} does the same
 * look-up but first derives a processor id, which on Linux without DMI tables forks {@code lshw}
 * twice and {@code dmidecode} (about 200 ms) to learn nothing; this reads the table directly.
 */
final class Microarchitectures {
  private static final Properties TABLE = load();

  private Microarchitectures() {}

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in =
        Microarchitectures.class
            .getClassLoader()
            .getResourceAsStream("oshi.architecture.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /**
   * The microarchitecture, or {@code null} when the table has no entry.
   *
   * @param vendor {@code GenuineIntel}, {@code AuthenticAMD}
   * @param family decimal family
   * @param model decimal model
   * @param stepping decimal stepping, or {@code null}
   */
  static String lookup(String vendor, Integer family, Integer model, Integer stepping) {
    if (vendor == null || family == null) {
      return null;
    }
    String v = vendor.trim().toLowerCase(Locale.ROOT);
    String prefix;
    if (v.contains("amd")) {
      prefix = "amd.";
    } else if (v.contains("intel")) {
      prefix = "";
    } else {
      return null;
    }
    String[] keys = {
      model == null || stepping == null ? null : prefix + family + "." + model + "." + stepping,
      model == null ? null : prefix + family + "." + model,
      prefix + family
    };
    for (String key : keys) {
      if (key != null && TABLE.getProperty(key) != null) {
        return TABLE.getProperty(key);
      }
    }
    return null;
  }
}
