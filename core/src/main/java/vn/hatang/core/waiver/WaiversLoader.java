package vn.hatang.core.waiver;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hatang.core.standard.Check;
import vn.hatang.core.standard.Standard;
import vn.hatang.core.standard.YamlNode;

/**
 * Reads a waivers file (YAML, {@code docs/waivers.md}) and checks it against the standard it is
 * used with. Every problem is collected with its {@code file:line:col}; a file with any problem is
 * refused as a whole, never half applied. Stateless and thread-safe.
 */
public final class WaiversLoader {
  /** Largest waivers file read, in bytes. */
  public static final long MAX_BYTES = 1024 * 1024;

  /** Most waivers in one file. */
  public static final int MAX_WAIVERS = 10_000;

  /** Longest justification, in characters. */
  public static final int MAX_JUSTIFICATION = 2000;

  private static final Set<String> KEYS =
      Set.of(
          "check",
          "scope",
          "target",
          "justification",
          "approvedBy",
          "approvedOn",
          "expires",
          "planItem");

  /** Unit codes and plan item ids: letters, digits, {@code . _ -}. */
  static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Machine ids as the snapshot allows them (at most 128 characters), printable. */
  static final Pattern MACHINE_ID = Pattern.compile("[\\p{Graph}]{1,128}");

  private WaiversLoader() {}

  /**
   * Loads a waivers file for a standard.
   *
   * @param file the file
   * @param displayName how to name it in messages
   * @param standard the standard the waivers are used with: every {@code check} must be one of its
   *     check ids
   * @throws WaiversException listing every problem
   */
  public static Waivers load(Path file, String displayName, Standard standard)
      throws WaiversException {
    List<String> ids = standard.checks().stream().map(Check::id).toList();
    YamlNode.Context ctx = new YamlNode.Context(displayName);
    YamlNode root = YamlNode.readFile(file, MAX_BYTES, "waiver.error.empty", ctx);
    List<Waiver> waivers = new ArrayList<>();
    if (root != null) {
      if (!root.isList()) {
        root.problem("waiver.error.expectedList");
      } else {
        List<YamlNode> items = root.list();
        if (items.size() > MAX_WAIVERS) {
          root.problem("waiver.error.tooMany", items.size(), MAX_WAIVERS);
        } else {
          for (YamlNode item : items) {
            Waiver w = read(item, displayName, ids);
            if (w != null) {
              waivers.add(w);
            }
          }
        }
      }
    }
    if (!ctx.problems().isEmpty()) {
      throw new WaiversException(ctx.problems());
    }
    return new Waivers(waivers);
  }

  private static Waiver read(YamlNode item, String file, List<String> checkIds) {
    Map<String, YamlNode> m = item.mapWithKeys(KEYS);
    if (!item.isMap()) {
      return null;
    }
    String check = YamlNode.requiredText(m, "check", item);
    if (check != null && !checkIds.contains(check)) {
      m.get("check").problem("waiver.error.unknownCheck", check, String.join(", ", checkIds));
      check = null;
    }
    Waiver.Scope scope = null;
    String scopeText = YamlNode.requiredText(m, "scope", item);
    if (scopeText != null) {
      switch (scopeText) {
        case "machine" -> scope = Waiver.Scope.MACHINE;
        case "unit" -> scope = Waiver.Scope.UNIT;
        default -> m.get("scope").problem("waiver.error.badScope", scopeText);
      }
    }
    String target = YamlNode.requiredText(m, "target", item);
    if (target != null && scope != null) {
      Pattern p = scope == Waiver.Scope.UNIT ? CODE : MACHINE_ID;
      if (!p.matcher(target).matches()) {
        m.get("target")
            .problem(
                scope == Waiver.Scope.UNIT
                    ? "waiver.error.badUnitCode"
                    : "waiver.error.badMachineId",
                target);
        target = null;
      }
    }
    String justification = YamlNode.requiredText(m, "justification", item);
    if (justification != null && justification.length() > MAX_JUSTIFICATION) {
      m.get("justification").problem("waiver.error.tooLong", "justification", MAX_JUSTIFICATION);
      justification = null;
    }
    String approvedBy = YamlNode.requiredText(m, "approvedBy", item);
    if (approvedBy != null && approvedBy.length() > 256) {
      m.get("approvedBy").problem("waiver.error.tooLong", "approvedBy", 256);
      approvedBy = null;
    }
    LocalDate approvedOn = date(m, "approvedOn", item);
    LocalDate expires = date(m, "expires", item);
    if (approvedOn != null && expires != null && expires.isBefore(approvedOn)) {
      m.get("expires").problem("waiver.error.expiresBeforeApproval", expires, approvedOn);
      expires = null;
    }
    String planItem = null;
    if (m.containsKey("planItem") && !m.get("planItem").isNull()) {
      planItem = m.get("planItem").text();
      if (planItem != null && !CODE.matcher(planItem).matches()) {
        m.get("planItem").problem("waiver.error.badPlanItem", planItem);
        planItem = null;
      }
    }
    if (check == null
        || scope == null
        || target == null
        || justification == null
        || approvedBy == null
        || approvedOn == null
        || expires == null) {
      return null;
    }
    return new Waiver(
        check,
        scope,
        target,
        justification,
        approvedBy,
        approvedOn,
        expires,
        planItem,
        file + ":" + item.line() + ":" + item.column());
  }

  private static LocalDate date(Map<String, YamlNode> m, String key, YamlNode parent) {
    YamlNode n = YamlNode.required(m, key, parent);
    return n == null ? null : n.date();
  }
}
