package vn.hatang.core.standard;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.hatang.core.snapshot.OperatingSystem;
import vn.hatang.core.util.Memo;

/**
 * End-of-support dates of operating systems, from a data file. Immutable.
 *
 * <p>A Windows product is found by its major build number ({@code 22631} in {@code 22631.4460}) and
 * the date by the edition's class: {@code ltsc}, {@code enterprise} (which covers Education), else
 * {@code consumer} (Home, Pro). Other systems are found by a name pattern and version.
 *
 * <p>Thread-safe; a look-up is remembered by the OS's family, name, version, build and edition.
 */
public final class OsLifecycle {
  private final Map<String, List<String>> editionClasses;
  private final List<Product> products;
  private final Memo<OperatingSystem, Lookup> lookups =
      new Memo<>(
          this::lookUpNow,
          10_000,
          os -> Memo.chars(os.family(), os.name(), os.version(), os.build(), os.edition()),
          256);

  /**
   * @param editionClasses edition ids by class ({@code ltsc → [EnterpriseS, ...]})
   * @param products products, first match wins
   */
  public OsLifecycle(Map<String, List<String>> editionClasses, List<Product> products) {
    this.editionClasses = Map.copyOf(editionClasses);
    this.products = List.copyOf(products);
  }

  /** Edition ids by class. */
  public Map<String, List<String>> editionClasses() {
    return editionClasses;
  }

  /** Products, first match wins. */
  public List<Product> products() {
    return products;
  }

  /**
   * One product.
   *
   * @param name product name, for people
   * @param family OS family it belongs to
   * @param builds major build numbers (Windows), empty when matched by name
   * @param nameMatches pattern on the OS name, or {@code null}
   * @param versions OS versions, empty for any
   * @param endOfSupport last day of support by edition class ({@code consumer}, {@code enterprise},
   *     {@code ltsc}, or {@code any})
   */
  public record Product(
      String name,
      String family,
      List<String> builds,
      Pattern nameMatches,
      List<String> versions,
      Map<String, LocalDate> endOfSupport) {
    public Product {
      builds = List.copyOf(builds);
      versions = List.copyOf(versions);
      endOfSupport = Map.copyOf(endOfSupport);
    }
  }

  /**
   * The outcome of a look-up: a date, or why there is none.
   *
   * @param product the product found, or {@code null}
   * @param endOfSupport the last day of support, or {@code null}
   * @param reasonKey message key when there is no date
   * @param reasonArgs its arguments
   */
  public record Lookup(
      Product product, LocalDate endOfSupport, String reasonKey, Object[] reasonArgs) {}

  /** Finds the end of support of an OS. */
  public Lookup lookup(OperatingSystem os) {
    if (os == null || os.family() == null) {
      return new Lookup(null, null, "reason.osUnknown", new Object[0]);
    }
    // Bitness plays no part: left out of the key.
    return lookups.get(
        new OperatingSystem(os.family(), os.name(), os.version(), os.build(), os.edition(), null));
  }

  private Lookup lookUpNow(OperatingSystem os) {
    String major = os.build() == null ? null : os.build().split("\\.")[0];
    for (Product p : products) {
      if (!p.family().equalsIgnoreCase(os.family())) {
        continue;
      }
      boolean byBuild = !p.builds().isEmpty() && major != null && p.builds().contains(major);
      boolean byName =
          p.nameMatches() != null
              && os.name() != null
              && p.nameMatches().matcher(os.name()).find()
              && (p.versions().isEmpty() || p.versions().contains(os.version()));
      if (!byBuild && !byName) {
        continue;
      }
      if (p.endOfSupport().containsKey("any")) {
        return new Lookup(p, p.endOfSupport().get("any"), null, null);
      }
      Optional<String> cls = editionClass(os.edition());
      if (cls.isEmpty()) {
        if (p.endOfSupport().values().stream().distinct().count() == 1) {
          return new Lookup(p, p.endOfSupport().values().iterator().next(), null, null);
        }
        return new Lookup(p, null, "reason.osEditionUnknown", new Object[] {p.name()});
      }
      LocalDate date = p.endOfSupport().get(cls.get());
      if (date == null) {
        return new Lookup(
            p, null, "reason.osEditionNotCovered", new Object[] {p.name(), os.edition()});
      }
      return new Lookup(p, date, null, null);
    }
    String what = os.name() != null ? os.name() : os.family();
    return new Lookup(
        null,
        null,
        "reason.osNotInLifecycle",
        new Object[] {what + (os.build() == null ? "" : " (" + os.build() + ")")});
  }

  private Optional<String> editionClass(String edition) {
    if (edition == null || edition.isBlank()) {
      return Optional.empty();
    }
    String e = edition.trim().toLowerCase(Locale.ROOT);
    for (String cls : List.of("ltsc", "enterprise")) {
      for (String id : editionClasses.getOrDefault(cls, List.of())) {
        if (id.toLowerCase(Locale.ROOT).equals(e)) {
          return Optional.of(cls);
        }
      }
    }
    return Optional.of("consumer");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OsLifecycle other
        && editionClasses.equals(other.editionClasses)
        && products.equals(other.products);
  }

  @Override
  public int hashCode() {
    return 31 * editionClasses.hashCode() + products.hashCode();
  }

  @Override
  public String toString() {
    return "OsLifecycle[editionClasses=" + editionClasses + ", products=" + products + "]";
  }
}
