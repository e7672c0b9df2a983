package vn.hatang.core.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User-facing text from the message bundles (English and Vietnamese, UTF-8 {@code .properties}).
 * Looks a key up in each bundle in turn, so a module adds its own bundle in front of the core one.
 * Immutable and thread-safe.
 */
public final class Messages {
  /** The core bundle: findings, reasons, table headings, errors. */
  public static final String CORE_BUNDLE = "vn.hatang.core.messages";

  private final Locale locale;
  private final List<ResourceBundle> bundles;

  /**
   * Patterns parsed once: a report formats the same few messages for every machine, and parsing a
   * pattern costs more than formatting it. A format is used by one thread at a time.
   */
  private final ConcurrentHashMap<String, MessageFormat> formats = new ConcurrentHashMap<>();

  private Messages(Locale locale, List<ResourceBundle> bundles) {
    this.locale = locale;
    this.bundles = List.copyOf(bundles);
  }

  /**
   * Messages for a locale, from the given bundles (searched first to last) and then the core one.
   */
  public static Messages of(Locale locale, String... bundleNames) {
    Objects.requireNonNull(locale);
    List<ResourceBundle> bundles = new ArrayList<>();
    for (String name : bundleNames) {
      bundles.add(load(name, locale));
    }
    bundles.add(load(CORE_BUNDLE, locale));
    return new Messages(locale, bundles);
  }

  private static ResourceBundle load(String name, Locale locale) {
    // Never fall back to the JVM's default locale: the root bundle is English.
    return ResourceBundle.getBundle(
        name,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public Locale locale() {
    return locale;
  }

  /** Whether some bundle defines the key. */
  public boolean has(String key) {
    return bundles.stream().anyMatch(b -> b.containsKey(key));
  }

  /**
   * The text for a key, formatted with {@link MessageFormat} in this locale.
   *
   * @throws MissingResourceException when no bundle defines the key (a bug, caught by tests)
   */
  public String get(String key, Object... args) {
    for (ResourceBundle bundle : bundles) {
      if (bundle.containsKey(key)) {
        String pattern = bundle.getString(key);
        if (args.length == 0) {
          return pattern;
        }
        MessageFormat format =
            formats.computeIfAbsent(key, k -> new MessageFormat(pattern, locale));
        synchronized (format) {
          return format.format(args);
        }
      }
    }
    throw new MissingResourceException("no message " + key, CORE_BUNDLE, key);
  }
}
