package vn.hatang.core.standard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the reference data files (formats in {@code docs/standards.md}), recording problems. */
final class ReferenceReader {
  private static final Set<String> EDITION_CLASSES =
      Set.of("consumer", "enterprise", "ltsc", "any");

  private ReferenceReader() {}

  static OsLifecycle osLifecycle(YamlNode root) {
    Map<String, YamlNode> top = root.mapWithKeys(Set.of("editionClasses", "products"));
    Map<String, List<String>> classes = new LinkedHashMap<>();
    if (top.containsKey("editionClasses")) {
      for (var e : top.get("editionClasses").mapWithKeys(Set.of("enterprise", "ltsc")).entrySet()) {
        classes.put(e.getKey(), e.getValue().strings());
      }
    }
    List<OsLifecycle.Product> products = new ArrayList<>();
    YamlNode list = YamlNode.required(top, "products", root);
    if (list != null) {
      for (YamlNode p : list.list()) {
        Map<String, YamlNode> m =
            p.mapWithKeys(
                Set.of(
                    "name",
                    "family",
                    "builds",
                    "nameMatches",
                    "versions",
                    "endOfSupport",
                    "source"));
        YamlNode name = YamlNode.required(m, "name", p);
        YamlNode family = YamlNode.required(m, "family", p);
        YamlNode eos = YamlNode.required(m, "endOfSupport", p);
        Pattern pattern = m.containsKey("nameMatches") ? pattern(m.get("nameMatches")) : null;
        List<String> builds = m.containsKey("builds") ? m.get("builds").strings() : List.of();
        if (builds.isEmpty() && pattern == null) {
          p.problem("standard.error.productNeedsMatch");
        }
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        if (eos != null) {
          for (var e : eos.mapWithKeys(EDITION_CLASSES).entrySet()) {
            LocalDate d = e.getValue().date();
            if (d != null) {
              dates.put(e.getKey(), d);
            }
          }
        }
        if (name != null && family != null) {
          products.add(
              new OsLifecycle.Product(
                  name.text(),
                  family.text(),
                  builds,
                  pattern,
                  m.containsKey("versions") ? m.get("versions").strings() : List.of(),
                  dates));
        }
      }
    }
    return new OsLifecycle(classes, products);
  }

  static CpuGenerations cpuGenerations(YamlNode root) {
    Map<String, YamlNode> top = root.mapWithKeys(Set.of("rules"));
    List<CpuGenerations.Rule> rules = new ArrayList<>();
    YamlNode list = YamlNode.required(top, "rules", root);
    if (list == null) {
      return new CpuGenerations(rules);
    }
    for (YamlNode r : list.list()) {
      Map<String, YamlNode> m =
          r.mapWithKeys(
              Set.of(
                  "id",
                  "vendor",
                  "name",
                  "family",
                  "familyAtLeast",
                  "familyBelow",
                  "modelAtMost",
                  "exceptModels",
                  "label",
                  "supported",
                  "supportedFrom",
                  "source"));
      YamlNode id = YamlNode.required(m, "id", r);
      YamlNode vendor = YamlNode.required(m, "vendor", r);
      Pattern name = m.containsKey("name") ? pattern(m.get("name")) : null;
      Boolean supported = null;
      if (m.containsKey("supported")) {
        String t = m.get("supported").text();
        if (!"true".equals(t) && !"false".equals(t)) {
          m.get("supported").problem("standard.error.expectedBoolean", t);
        } else {
          supported = Boolean.valueOf(t);
        }
      }
      Integer from = m.containsKey("supportedFrom") ? m.get("supportedFrom").integer() : null;
      if (supported == null && from == null) {
        r.problem("standard.error.ruleNeedsVerdict");
      }
      List<Integer> except = new ArrayList<>();
      if (m.containsKey("exceptModels")) {
        for (YamlNode n : m.get("exceptModels").list()) {
          Integer i = n.integer();
          if (i != null) {
            except.add(i);
          }
        }
      }
      if (id != null && vendor != null) {
        rules.add(
            new CpuGenerations.Rule(
                id.text(),
                vendor.text(),
                name,
                integer(m, "family"),
                integer(m, "familyAtLeast"),
                integer(m, "familyBelow"),
                integer(m, "modelAtMost"),
                except,
                m.containsKey("label") ? m.get("label").text() : null,
                supported,
                from));
      }
    }
    return new CpuGenerations(rules);
  }

  static PriceTable prices(YamlNode root) {
    Map<String, YamlNode> top = root.mapWithKeys(Set.of("currency", "asOf", "items"));
    YamlNode currency = YamlNode.required(top, "currency", root);
    LocalDate asOf = top.containsKey("asOf") ? top.get("asOf").date() : null;
    Map<String, PriceTable.Item> items = new LinkedHashMap<>();
    YamlNode list = YamlNode.required(top, "items", root);
    if (list != null) {
      for (var e : list.map().entrySet()) {
        YamlNode i = e.getValue();
        Map<String, YamlNode> m =
            i.mapWithKeys(Set.of("title", "unitCost", "source", "per", "billing", "covers"));
        LocalizedText title = m.containsKey("title") ? m.get("title").localized() : null;
        YamlNode cost = YamlNode.required(m, "unitCost", i);
        Double c = cost == null ? null : cost.number();
        if (c != null && c < 0) {
          cost.problem("standard.error.positive", "unitCost");
        }
        if (title == null) {
          i.problem("standard.error.missingKey", "title");
        }
        String per = m.containsKey("per") ? m.get("per").text() : "machine";
        if (per != null && !per.equals("machine") && !per.equals("unit")) {
          m.get("per").problem("standard.error.unknownValue", per, "machine, unit");
        }
        String billing = m.containsKey("billing") ? m.get("billing").text() : "once";
        if (billing != null && !billing.equals("once") && !billing.equals("monthly")) {
          m.get("billing").problem("standard.error.unknownValue", billing, "once, monthly");
        }
        items.put(
            e.getKey(),
            new PriceTable.Item(
                title,
                c == null ? 0 : Math.round(c),
                m.containsKey("source") ? m.get("source").text() : null,
                "unit".equals(per),
                "monthly".equals(billing),
                m.containsKey("covers") ? m.get("covers").strings() : List.of()));
      }
      for (var e : list.map().entrySet()) {
        YamlNode covers = e.getValue().isMap() ? e.getValue().map().get("covers") : null;
        for (String key : items.get(e.getKey()).covers()) {
          if (!items.containsKey(key)) {
            covers.problem("standard.error.unknownCostKey", key);
          }
        }
      }
    }
    return new PriceTable(currency == null ? null : currency.text(), asOf, items);
  }

  private static Integer integer(Map<String, YamlNode> m, String key) {
    return m.containsKey(key) ? m.get(key).integer() : null;
  }

  private static Pattern pattern(YamlNode n) {
    String t = n.text();
    if (t == null) {
      return null;
    }
    try {
      return Pattern.compile(t);
    } catch (PatternSyntaxException e) {
      n.problem("standard.error.badPattern", t, e.getDescription());
      return null;
    }
  }
}
