package vn.hatang.core.unit;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.hatang.core.standard.Problem;

/**
 * Imports the statistics office's code list (GSO/NSO "danh mục hành chính", exported as CSV) into
 * units. Columns are found by their Vietnamese headers, in any order, with or without spaces and
 * slashes ({@code Tỉnh Thành Phố} or {@code Tỉnh / Thành Phố}): {@code Mã TP} and {@code Tỉnh Thành
 * Phố} (province), {@code Mã QH} and {@code Quận Huyện} (district; absent from the two-level list
 * of 2025), {@code Mã PX} and {@code Phường Xã} (commune level), {@code Cấp} (Xã, Phường, Thị trấn,
 * Đặc khu; else taken from the name). Other columns ({@code Tên Tiếng Anh}) are ignored. Every unit
 * gets the given {@code validFrom}, no end and no successors. Stateless and thread-safe.
 */
public final class GsoImport {
  /** Commune-level types (Cấp) and the level each becomes. */
  public static final Map<String, String> LEVELS =
      Map.of(
          "xã", "commune",
          "phường", "ward",
          "thị trấn", "township",
          "đặc khu", "special_zone");

  private static final Map<String, String> HEADERS =
      Map.of(
          "mãtp", "provinceCode",
          "tỉnhthànhphố", "provinceName",
          "mãqh", "districtCode",
          "quậnhuyện", "districtName",
          "mãpx", "communeCode",
          "phườngxã", "communeName",
          "cấp", "level");

  private GsoImport() {}

  /**
   * Reads a GSO code-list CSV.
   *
   * @param file the CSV file (UTF-8)
   * @param displayName how to name it in messages
   * @param validFrom the first day of validity of every unit read
   * @param province only this province's rows (its code, leading zeros ignored), or {@code null}
   * @return the provinces, districts and commune-level units, validated as a whole
   * @throws UnitsException listing every problem with its {@code file:line:col}
   */
  public static List<AdminUnit> read(
      Path file, String displayName, LocalDate validFrom, String province) throws UnitsException {
    List<Problem> problems = new ArrayList<>();
    byte[] bytes = UnitsLoader.readFile(file, displayName, problems);
    String text = bytes == null ? null : UnitsLoader.decode(bytes, displayName, problems);
    List<Csv.Row> rows =
        text == null ? null : Csv.parse(text, displayName, UnitsLoader.MAX_ROWS + 1, problems);
    if (rows == null) {
      throw new UnitsException(problems);
    }
    List<UnitRegistry.Sourced> units = convert(rows, displayName, validFrom, province, problems);
    if (problems.isEmpty()) {
      problems.addAll(UnitRegistry.validate(units));
    }
    if (!problems.isEmpty()) {
      throw new UnitsException(problems);
    }
    return units.stream().map(UnitRegistry.Sourced::unit).sorted(UnitRegistry.UNIT_ORDER).toList();
  }

  private static List<UnitRegistry.Sourced> convert(
      List<Csv.Row> rows,
      String file,
      LocalDate validFrom,
      String province,
      List<Problem> problems) {
    List<UnitRegistry.Sourced> out = new ArrayList<>();
    if (rows.isEmpty()) {
      problems.add(new Problem(file, 1, 1, "units.error.empty", List.of()));
      return out;
    }
    Csv.Row header = rows.get(0);
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String role = HEADERS.get(normalise(header.get(i)));
      if (role != null) {
        col.putIfAbsent(role, i);
      }
    }
    for (String[] need :
        new String[][] {
          {"provinceCode", "Mã TP"},
          {"provinceName", "Tỉnh Thành Phố"},
          {"communeCode", "Mã PX"},
          {"communeName", "Phường Xã"}
        }) {
      if (!col.containsKey(need[0])) {
        problems.add(
            new Problem(file, header.line(), 1, "units.error.gsoMissingColumn", List.of(need[1])));
      }
    }
    if (col.containsKey("districtCode") != col.containsKey("districtName")) {
      problems.add(
          new Problem(
              file,
              header.line(),
              1,
              "units.error.gsoMissingColumn",
              List.of("Mã QH / Quận Huyện")));
    }
    if (!problems.isEmpty()) {
      return out;
    }
    boolean threeLevels = col.containsKey("districtCode");
    Map<String, Csv.Row> seenNames = new LinkedHashMap<>();
    Map<String, String> names = new HashMap<>();
    for (Csv.Row row : rows.subList(1, rows.size())) {
      String pCode = cell(row, col, "provinceCode");
      if (province != null && (pCode == null || !sameCode(pCode, province))) {
        continue;
      }
      String pName = cell(row, col, "provinceName");
      if (!named(row, col, "provinceCode", "provinceName", pCode, pName, file, problems)) {
        continue;
      }
      String parent = pCode;
      if (add(
          out,
          names,
          seenNames,
          pCode,
          pName,
          "province",
          null,
          validFrom,
          row,
          col,
          "provinceName",
          file,
          problems)) {
        // first time this province is seen
      }
      if (threeLevels) {
        String dCode = cell(row, col, "districtCode");
        String dName = cell(row, col, "districtName");
        if (dCode != null || dName != null) {
          if (!named(row, col, "districtCode", "districtName", dCode, dName, file, problems)) {
            continue;
          }
          add(
              out,
              names,
              seenNames,
              dCode,
              dName,
              "district",
              pCode,
              validFrom,
              row,
              col,
              "districtName",
              file,
              problems);
          parent = dCode;
        }
      }
      String cCode = cell(row, col, "communeCode");
      String cName = cell(row, col, "communeName");
      if (cCode == null && cName == null) {
        continue; // a province or district row without communes (Huyện Lý Sơn in 2025-01)
      }
      if (!named(row, col, "communeCode", "communeName", cCode, cName, file, problems)) {
        continue;
      }
      String level = level(row, col, cName, file, problems);
      if (level == null) {
        continue;
      }
      add(
          out,
          names,
          seenNames,
          cCode,
          cName,
          level,
          parent,
          validFrom,
          row,
          col,
          "communeName",
          file,
          problems);
    }
    return out;
  }

  /** Adds a unit the first time its code is seen; a later row must give the same name. */
  private static boolean add(
      List<UnitRegistry.Sourced> out,
      Map<String, String> names,
      Map<String, Csv.Row> seen,
      String code,
      String name,
      String level,
      String parent,
      LocalDate validFrom,
      Csv.Row row,
      Map<String, Integer> col,
      String nameColumn,
      String file,
      List<Problem> problems) {
    String known = names.get(code);
    if (known != null) {
      if (!known.equals(name)) {
        Csv.Field f = row.field(col.get(nameColumn));
        problems.add(
            new Problem(
                file,
                f.line(),
                f.column(),
                "units.error.gsoNameConflict",
                List.of(code, name, known, seen.get(code).line())));
      }
      return false;
    }
    names.put(code, name);
    seen.put(code, row);
    out.add(
        new UnitRegistry.Sourced(
            new AdminUnit(code, name, level, parent, validFrom, null, List.of(), null, null, null),
            file,
            row.line(),
            1));
    return true;
  }

  private static boolean named(
      Csv.Row row,
      Map<String, Integer> col,
      String codeColumn,
      String nameColumn,
      String code,
      String name,
      String file,
      List<Problem> problems) {
    boolean ok = true;
    if (code == null || AdminUnit.codeProblem(code) != null) {
      Csv.Field f = row.field(col.get(codeColumn));
      problems.add(
          new Problem(
              file,
              f.line(),
              f.column(),
              code == null ? "units.error.missingValue" : "units.error.badCode",
              List.of(code == null ? "" : code)));
      ok = false;
    }
    if (name == null || AdminUnit.nameProblem(name) != null) {
      Csv.Field f = row.field(col.get(nameColumn));
      problems.add(
          new Problem(
              file,
              f.line(),
              f.column(),
              name == null ? "units.error.missingValue" : "units.error.badName",
              List.of(name == null ? "" : name)));
      ok = false;
    }
    return ok;
  }

  private static String level(
      Csv.Row row, Map<String, Integer> col, String name, String file, List<Problem> problems) {
    String cap = cell(row, col, "level");
    if (cap != null) {
      String level = LEVELS.get(cap.toLowerCase(Locale.ROOT));
      if (level == null) {
        Csv.Field f = row.field(col.get("level"));
        problems.add(
            new Problem(
                file,
                f.line(),
                f.column(),
                "units.error.gsoLevel",
                List.of(cap, "Xã, Phường, Thị trấn, Đặc khu")));
      }
      return level;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : LEVELS.entrySet()) {
      if (lower.startsWith(e.getKey() + " ")) {
        return e.getValue();
      }
    }
    Csv.Field f = row.field(col.get("communeName"));
    problems.add(
        new Problem(
            file,
            f.line(),
            f.column(),
            "units.error.gsoLevel",
            List.of(name, "Xã, Phường, Thị trấn, Đặc khu")));
    return null;
  }

  private static String cell(Csv.Row row, Map<String, Integer> col, String role) {
    Integer i = col.get(role);
    if (i == null) {
      return null;
    }
    String t =
        Normalizer.normalize(row.get(i), Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    return t.isEmpty() ? null : t;
  }

  /** Header text reduced for matching: NFC, lower case, without spaces, slashes and dots. */
  static String normalise(String header) {
    return Normalizer.normalize(header, Normalizer.Form.NFC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s/.\\uFEFF]", "");
  }

  /** Two codes are the same when equal, or equal as numbers ({@code 52} and {@code 052}). */
  static boolean sameCode(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)) {
      return a.replaceFirst("^0+(?=.)", "").equals(b.replaceFirst("^0+(?=.)", ""));
    }
    return false;
  }
}
