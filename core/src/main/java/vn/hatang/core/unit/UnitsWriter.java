package vn.hatang.core.unit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.StringJoiner;
import vn.hatang.core.render.Safe;

/**
 * Writes units in the formats {@link UnitsLoader} reads back: YAML, CSV (UTF-8 with a byte-order
 * mark, CRLF, cells that a spreadsheet could run as formulas neutralised) and JSON. Pure: returns
 * text, writes no file. Stateless and thread-safe.
 */
public final class UnitsWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private UnitsWriter() {}

  /**
   * A units YAML file.
   *
   * @param comments lines for the header comment (each gets a {@code #})
   */
  public static String yaml(List<AdminUnit> units, List<String> comments) {
    StringBuilder out = new StringBuilder();
    for (String c : comments) {
      out.append(c.isEmpty() ? "#" : "# " + c.replace("\n", " ")).append('\n');
    }
    out.append("units:\n");
    for (AdminUnit u : units) {
      out.append("  - code: ").append(quote(u.code())).append('\n');
      out.append("    name: ").append(quote(u.name())).append('\n');
      out.append("    level: ").append(u.level()).append('\n');
      if (u.parentCode() != null) {
        out.append("    parentCode: ").append(quote(u.parentCode())).append('\n');
      }
      if (u.validFrom() != null) {
        out.append("    validFrom: ").append(u.validFrom()).append('\n');
      }
      if (u.validTo() != null) {
        out.append("    validTo: ").append(u.validTo()).append('\n');
      }
      if (!u.successors().isEmpty()) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        u.successors().forEach(s -> j.add(quote(s)));
        out.append("    successors: ").append(j).append('\n');
      }
      if (u.head() != null) {
        out.append("    head: {name: ").append(quote(u.head().name()));
        if (u.head().title() != null) {
          out.append(", title: ").append(quote(u.head().title()));
        }
        if (u.head().email() != null) {
          out.append(", email: ").append(quote(u.head().email()));
        }
        out.append("}\n");
      }
      if (u.expectedStaff() != null) {
        out.append("    expectedStaff: ").append(u.expectedStaff()).append('\n');
      }
      if (u.expectedMachines() != null) {
        out.append("    expectedMachines: ").append(u.expectedMachines()).append('\n');
      }
    }
    return out.toString();
  }

  /** Units as CSV with the columns {@link UnitsLoader#CSV_COLUMNS}. */
  public static String csv(List<AdminUnit> units) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append(String.join(",", UnitsLoader.CSV_COLUMNS)).append("\r\n");
    for (AdminUnit u : units) {
      StringJoiner row = new StringJoiner(",");
      row.add(Safe.csvCell(u.code()));
      row.add(Safe.csvCell(u.name()));
      row.add(Safe.csvCell(u.level()));
      row.add(Safe.csvCell(u.parentCode()));
      row.add(u.validFrom() == null ? "" : u.validFrom().toString());
      row.add(u.validTo() == null ? "" : u.validTo().toString());
      row.add(Safe.csvCell(String.join(";", u.successors())));
      row.add(Safe.csvCell(u.head() == null ? null : u.head().name()));
      row.add(Safe.csvCell(u.head() == null ? null : u.head().title()));
      row.add(Safe.csvCell(u.head() == null ? null : u.head().email()));
      row.add(u.expectedStaff() == null ? "" : u.expectedStaff().toString());
      row.add(u.expectedMachines() == null ? "" : u.expectedMachines().toString());
      out.append(row).append("\r\n");
    }
    return out.toString();
  }

  /** Units as a JSON array of objects, every field present ({@code null} when absent). */
  public static String json(List<AdminUnit> units) {
    ArrayNode array = JSON.createArrayNode();
    for (AdminUnit u : units) {
      ObjectNode o = array.addObject();
      o.put("code", u.code());
      o.put("name", u.name());
      o.put("level", u.level());
      o.put("parentCode", u.parentCode());
      o.put("validFrom", u.validFrom() == null ? null : u.validFrom().toString());
      o.put("validTo", u.validTo() == null ? null : u.validTo().toString());
      ArrayNode succ = o.putArray("successors");
      u.successors().forEach(succ::add);
      if (u.head() == null) {
        o.putNull("head");
      } else {
        ObjectNode h = o.putObject("head");
        h.put("name", u.head().name());
        h.put("title", u.head().title());
        h.put("email", u.head().email());
      }
      o.put("expectedStaff", u.expectedStaff());
      o.put("expectedMachines", u.expectedMachines());
    }
    try {
      return JSON.writeValueAsString(array) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A YAML double-quoted scalar. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
