package vn.hatang.cli.units;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import vn.hatang.core.i18n.Messages;
import vn.hatang.core.render.TextTable;
import vn.hatang.core.unit.AdminUnit;
import vn.hatang.core.unit.UnitRegistry;

/**
 * What {@code hatang units show} prints: the units valid on a day in tree order (each unit under
 * its parent, codes indented by depth), or the units of one level; and the atomic file write of
 * {@code import-gso}.
 */
public final class UnitsView {
  private UnitsView() {}

  /**
   * A unit in the view.
   *
   * @param unit the unit
   * @param depth how deep it is on the day (0 for a root)
   */
  public record Row(AdminUnit unit, int depth) {}

  /** The units valid on {@code day}: a tree walk from the roots, or those of {@code level}. */
  public static List<Row> rows(UnitRegistry registry, LocalDate day, String level) {
    List<Row> out = new ArrayList<>();
    if (level != null) {
      for (AdminUnit u : registry.validOn(day)) {
        if (u.level().equals(level)) {
          out.add(new Row(u, 0));
        }
      }
      return out;
    }
    for (AdminUnit u : registry.validOn(day)) {
      if (registry.ancestors(u.code(), day).isEmpty()) {
        walk(registry, u, day, 0, out);
      }
    }
    return out;
  }

  private static void walk(
      UnitRegistry registry, AdminUnit unit, LocalDate day, int depth, List<Row> out) {
    out.add(new Row(unit, depth));
    for (AdminUnit child : registry.children(unit.code(), day)) {
      walk(registry, child, day, depth + 1, out);
    }
  }

  /** The table: code (indented by depth), name, level, parent, valid from/to, successors. */
  public static String table(List<Row> rows, Messages m) {
    List<String[]> cells = new ArrayList<>();
    cells.add(
        new String[] {
          m.get("units.col.code"),
          m.get("units.col.name"),
          m.get("units.col.level"),
          m.get("units.col.parent"),
          m.get("units.col.validFrom"),
          m.get("units.col.validTo"),
          m.get("units.col.successors")
        });
    for (Row r : rows) {
      AdminUnit u = r.unit();
      cells.add(
          new String[] {
            "  ".repeat(r.depth()) + u.code(),
            u.name(),
            u.level(),
            u.parentCode() == null ? "" : u.parentCode(),
            u.validFrom() == null ? "…" : u.validFrom().toString(),
            u.validTo() == null ? "…" : u.validTo().toString(),
            String.join(", ", u.successors())
          });
    }
    return TextTable.render(cells, new boolean[7], "", new int[] {0, 48, 0, 0, 0, 0, 48});
  }

  /** {@code 1 province, 58 commune} style counts, levels in order of first appearance. */
  public static String countByLevel(List<AdminUnit> units) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    units.forEach(u -> counts.merge(u.level(), 1, Integer::sum));
    StringJoiner j = new StringJoiner(", ");
    counts.forEach((level, n) -> j.add(n + " " + level));
    return j.toString();
  }

  /** Writes a text file atomically: a temporary file in the same folder, then a rename. */
  public static void writeAtomically(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
