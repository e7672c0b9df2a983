package vn.hatang.agent.hardware;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the CSV that PowerShell's {@code ConvertTo-Csv -NoTypeInformation} prints: a header row,
 * every field in double quotes, {@code ""} for a quote inside a field (RFC 4180).
 */
final class CsvTable {
  private CsvTable() {}

  /** One map per data row, keyed by the header's column names, in column order. */
  static List<Map<String, String>> parse(String text) {
    List<List<String>> records = records(text.replace("\r\n", "\n"));
    List<Map<String, String>> rows = new ArrayList<>();
    if (records.isEmpty()) {
      return rows;
    }
    List<String> header = records.get(0);
    for (List<String> record : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < record.size() ? record.get(i) : null);
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<List<String>> records(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n') {
        if (any || field.length() > 0) {
          fields.add(field.toString());
          records.add(fields);
        }
        fields = new ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (any || field.length() > 0) {
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }
}
