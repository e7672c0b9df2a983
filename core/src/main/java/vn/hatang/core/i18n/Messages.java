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
   * Patterns looked up and parsed once per key: a report formats the same few messages for every
   * machine, and parsing a pattern costs more than formatting it.
   */
  private final ConcurrentHashMap<String, Pattern> patterns = new ConcurrentHashMap<>();

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
    Pattern p = patterns.get(key);
    if (p == null) {
      p = patterns.computeIfAbsent(key, this::pattern);
    }
    return args.length == 0 ? p.text : p.format(args, locale);
  }

  private Pattern pattern(String key) {
    for (ResourceBundle bundle : bundles) {
      if (bundle.containsKey(key)) {
        return new Pattern(bundle.getString(key));
      }
    }
    throw new MissingResourceException("no message " + key, CORE_BUNDLE, key);
  }

  /**
   * A message's pattern. Where it is plain text and {@code {n}} placeholders (no quote, no format
   * type), text arguments are put in as they are, which is what {@link MessageFormat} does with
   * them, without its lock and buffers: a check titles every machine's table so. Any other pattern
   * or argument (a number, a date, {@code null}) goes through {@link MessageFormat}.
   */
  private static final class Pattern {
    final String text;

    /** Literal text around the placeholders ({@code null}: not a plain pattern). */
    private final String[] literals;

    /** The argument index of each placeholder, between {@code literals[i]} and the next. */
    private final int[] indices;

    /** Parsed when first needed; used by one thread at a time. */
    private MessageFormat format;

    Pattern(String text) {
      this.text = text;
      List<String> lits = new ArrayList<>();
      List<Integer> idx = new ArrayList<>();
      boolean plain = text.indexOf('\'') < 0;
      int from = 0;
      while (plain) {
        int open = text.indexOf('{', from);
        if (open < 0) {
          break;
        }
        int close = text.indexOf('}', open);
        plain = close > open + 1 && close - open <= 4;
        for (int i = open + 1; plain && i < close; i++) {
          plain = text.charAt(i) >= '0' && text.charAt(i) <= '9';
        }
        if (plain) {
          lits.add(text.substring(from, open));
          idx.add(Integer.parseInt(text.substring(open + 1, close)));
          from = close + 1;
        }
      }
      if (plain) {
        lits.add(text.substring(from));
        literals = lits.toArray(new String[0]);
        indices = idx.stream().mapToInt(Integer::intValue).toArray();
      } else {
        literals = null;
        indices = null;
      }
    }

    String format(Object[] args, Locale locale) {
      if (literals != null && textArguments(args)) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < indices.length; i++) {
          out.append(literals[i]).append((String) args[indices[i]]);
        }
        return out.append(literals[indices.length]).toString();
      }
      synchronized (this) {
        if (format == null) {
          format = new MessageFormat(text, locale);
        }
        return format.format(args);
      }
    }

    private boolean textArguments(Object[] args) {
      for (int i : indices) {
        if (i >= args.length || !(args[i] instanceof String)) {
          return false;
        }
      }
      return true;
    }
  }
}
