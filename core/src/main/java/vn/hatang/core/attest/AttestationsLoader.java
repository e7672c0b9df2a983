package vn.hatang.core.attest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hatang.core.standard.YamlNode;

/**
 * Reads an equipment attestations file (YAML, {@code docs/attestations.md}). Every problem is
 * collected with its {@code file:line:col}; a file with any problem is refused as a whole.
 * Stateless and thread-safe.
 */
public final class AttestationsLoader {
  /** Largest attestations file read, in bytes (a province of 3,000 units, a dozen items each). */
  public static final long MAX_BYTES = 8L * 1024 * 1024;

  /** Most attestations in one file. */
  public static final int MAX_ATTESTATIONS = 50_000;

  /** Largest count of one item. */
  public static final int MAX_COUNT = 100_000;

  /** Longest note, in characters. */
  public static final int MAX_NOTE = 1000;

  private static final Set<String> KEYS =
      Set.of("unit", "item", "count", "attestedBy", "attestedOn", "note", "validUntil");
  private static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern ITEM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private AttestationsLoader() {}

  /**
   * Loads an attestations file.
   *
   * @param file the file
   * @param displayName how to name it in messages
   * @throws AttestationsException listing every problem
   */
  public static Attestations load(Path file, String displayName) throws AttestationsException {
    YamlNode.Context ctx = new YamlNode.Context(displayName);
    YamlNode root = YamlNode.readFile(file, MAX_BYTES, "attest.error.empty", ctx);
    List<Attestation> out = new ArrayList<>();
    if (root != null) {
      if (!root.isList()) {
        root.problem("attest.error.expectedList");
      } else {
        List<YamlNode> items = root.list();
        if (items.size() > MAX_ATTESTATIONS) {
          root.problem("attest.error.tooMany", items.size(), MAX_ATTESTATIONS);
        } else {
          Map<String, Integer> seen = new HashMap<>();
          for (YamlNode item : items) {
            Attestation a = read(item, displayName);
            if (a == null) {
              continue;
            }
            // Two records of one day cannot say which replaces the other.
            String key = a.unitCode() + "\u0000" + a.item() + "\u0000" + a.attestedOn();
            Integer first = seen.putIfAbsent(key, item.line());
            if (first != null) {
              item.problem(
                  "attest.error.duplicate",
                  a.unitCode(),
                  a.item(),
                  a.attestedOn().toString(),
                  first);
            }
            out.add(a);
          }
        }
      }
    }
    if (!ctx.problems().isEmpty()) {
      throw new AttestationsException(ctx.problems());
    }
    return new Attestations(out);
  }

  private static Attestation read(YamlNode node, String file) {
    Map<String, YamlNode> m = node.mapWithKeys(KEYS);
    if (!node.isMap()) {
      return null;
    }
    String unit = YamlNode.requiredText(m, "unit", node);
    if (unit != null && !UNIT_CODE.matcher(unit).matches()) {
      m.get("unit").problem("attest.error.badUnitCode", unit);
      unit = null;
    }
    String item = YamlNode.requiredText(m, "item", node);
    if (item != null && !ITEM.matcher(item).matches()) {
      m.get("item").problem("attest.error.badItem", item);
      item = null;
    }
    Integer count = null;
    YamlNode countNode = YamlNode.required(m, "count", node);
    if (countNode != null) {
      String t = countNode.text();
      if (t != null) {
        if (t.matches("\\d{1,9}") && Integer.parseInt(t) <= MAX_COUNT) {
          count = Integer.valueOf(t);
        } else {
          countNode.problem("attest.error.badCount", t, MAX_COUNT);
        }
      }
    }
    String by = YamlNode.requiredText(m, "attestedBy", node);
    if (by != null && by.length() > 256) {
      m.get("attestedBy").problem("attest.error.tooLong", "attestedBy", 256);
      by = null;
    }
    LocalDate on = null;
    YamlNode onNode = YamlNode.required(m, "attestedOn", node);
    if (onNode != null) {
      on = onNode.date();
    }
    String note = null;
    if (m.containsKey("note") && !m.get("note").isNull()) {
      note = m.get("note").text();
      if (note != null && note.length() > MAX_NOTE) {
        m.get("note").problem("attest.error.tooLong", "note", MAX_NOTE);
        note = null;
      }
    }
    LocalDate validUntil = null;
    if (m.containsKey("validUntil") && !m.get("validUntil").isNull()) {
      validUntil = m.get("validUntil").date();
      if (validUntil != null && on != null && validUntil.isBefore(on)) {
        m.get("validUntil").problem("attest.error.validBeforeAttested", validUntil, on);
        validUntil = null;
        on = null;
      }
    }
    if (unit == null || item == null || count == null || by == null || on == null) {
      return null;
    }
    return new Attestation(
        unit,
        item,
        count,
        by,
        on,
        note,
        validUntil,
        file + ":" + node.line() + ":" + node.column());
  }
}
