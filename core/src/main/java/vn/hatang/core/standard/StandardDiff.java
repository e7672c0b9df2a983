package vn.hatang.core.standard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two standards: header fields, checks added, removed and changed (field by
 * field), and reference data. Pure; the lines are for people and for tests.
 */
public final class StandardDiff {
  private StandardDiff() {}

  /**
   * One change.
   *
   * @param kind {@code +} added, {@code -} removed, {@code ~} changed
   * @param subject what changed ({@code effectiveFrom}, {@code check ram.min})
   * @param field the changed field of a check, or {@code null}
   * @param before the old value, or {@code null}
   * @param after the new value, or {@code null}
   */
  public record Change(char kind, String subject, String field, String before, String after) {}

  /** The changes from {@code a} to {@code b}, header first, then checks in {@code b}'s order. */
  public static List<Change> between(Standard a, Standard b) {
    List<Change> out = new ArrayList<>();
    header(out, "id", a.id(), b.id());
    header(out, "version", a.version(), b.version());
    header(
        out,
        "title.vi",
        a.title() == null ? null : a.title().vi(),
        b.title() == null ? null : b.title().vi());
    header(
        out,
        "title.en",
        a.title() == null ? null : a.title().en(),
        b.title() == null ? null : b.title().en());
    header(out, "issuer", a.issuer(), b.issuer());
    header(out, "legalBasis", String.valueOf(a.legalBasis()), String.valueOf(b.legalBasis()));
    header(
        out, "effectiveFrom", String.valueOf(a.effectiveFrom()), String.valueOf(b.effectiveFrom()));
    header(out, "supersedes", a.supersedes(), b.supersedes());
    header(
        out,
        "freshnessDays",
        Integer.toString(a.freshnessDays()),
        Integer.toString(b.freshnessDays()));
    for (String role : List.of("osLifecycle", "cpuGenerations", "prices")) {
      header(
          out,
          "references." + role,
          a.reference().files().get(role),
          b.reference().files().get(role));
    }
    Map<String, Check> before = byId(a.checks());
    Map<String, Check> after = byId(b.checks());
    for (Check c : a.checks()) {
      if (!after.containsKey(c.id())) {
        out.add(new Change('-', "check " + c.id(), null, describe(c), null));
      }
    }
    for (Check c : b.checks()) {
      Check old = before.get(c.id());
      if (old == null) {
        out.add(new Change('+', "check " + c.id(), null, null, describe(c)));
        continue;
      }
      field(
          out,
          c,
          old,
          "title",
          x -> x.title() == null ? null : x.title().vi() + " / " + x.title().en());
      field(out, c, old, "appliesTo", x -> String.valueOf(x.appliesTo()));
      field(out, c, old, "metric", x -> x.metric().path());
      field(out, c, old, "line", Check::lineName);
      field(out, c, old, "requirement", StandardDiff::requirement);
      field(out, c, old, "severity", x -> x.severity().name().toLowerCase(java.util.Locale.ROOT));
      field(out, c, old, "weight", x -> number(x.weight()));
      field(
          out,
          c,
          old,
          "remediation",
          x ->
              x.remediation() == null
                  ? null
                  : (x.remediation().action() == null ? "" : x.remediation().action().en())
                      + " ["
                      + x.remediation().costKey()
                      + "]");
      field(out, c, old, "source", Check::source);
    }
    return out;
  }

  private static void header(List<Change> out, String name, String before, String after) {
    if (!Objects.equals(before, after)) {
      out.add(new Change('~', name, null, before, after));
    }
  }

  private static void field(
      List<Change> out, Check now, Check old, String name, Function<Check, String> get) {
    String b = get.apply(old);
    String a = get.apply(now);
    if (!Objects.equals(a, b)) {
      out.add(new Change('~', "check " + now.id(), name, b, a));
    }
  }

  private static Map<String, Check> byId(List<Check> checks) {
    Map<String, Check> m = new LinkedHashMap<>();
    checks.forEach(c -> m.put(c.id(), c));
    return m;
  }

  /** {@code metric op value unit}, as written in the file. */
  public static String requirement(Check c) {
    Object v = c.value() instanceof Double d ? number(d) : c.value();
    return c.op().symbol() + " " + v + (c.unit() == null ? "" : " " + c.unit());
  }

  private static String describe(Check c) {
    return c.metric().path()
        + (c.lineName() == null ? "" : "[" + c.lineName() + "]")
        + " "
        + requirement(c);
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
