package vn.hatang.core.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A result as a document of tables, in the reader's language: what the workbook ({@code xlsx}), web
 * page ({@code html}) and Markdown ({@code md}) outputs are made from, so that every command that
 * renders results gives the same content in each. Cells hold values, not text ({@code Long}, {@code
 * Double}, {@code LocalDate}, {@link vn.hatang.core.check.State}, {@code String} or {@code null}):
 * each writer formats them its own way (a workbook stores numbers as numbers and dates as dates; a
 * page writes them for the language). Strings may come from agents: writers escape them.
 *
 * @param title the document's title
 * @param about lines that say what it is (period, standard, date, inputs)
 * @param currency the currency of {@link Kind#MONEY} cells ({@code VND}), or {@code null}
 * @param trend a figure over periods, drawn first on a page, or {@code null}
 * @param tables the tables, in order
 */
public record Doc(
    String title, List<String> about, String currency, Trend trend, List<Table> tables) {
  public Doc {
    Objects.requireNonNull(title);
    about = List.copyOf(about);
    tables = List.copyOf(tables);
  }

  /** A document without a trend. */
  public static Doc of(String title, List<String> about, String currency, List<Table> tables) {
    return new Doc(title, about, currency, null, tables);
  }

  /** This document with a trend over periods. */
  public Doc withTrend(Trend t) {
    return new Doc(title, about, currency, t, tables);
  }

  /** What a column holds, for alignment and cell formats. */
  public enum Kind {
    /** Text (left-aligned; stored as text in a workbook, never as a formula). */
    TEXT,
    /** A whole number. */
    INTEGER,
    /** A decimal number. */
    NUMBER,
    /** A percentage from 0 to 100. */
    PERCENT,
    /** An amount in the document's currency. */
    MONEY,
    /** A day ({@code LocalDate}). */
    DATE,
    /** A result state (PASS, FAIL...), worded and coloured. */
    STATE
  }

  /**
   * A column.
   *
   * @param header its heading, in the reader's language
   * @param kind what it holds
   */
  public record Column(String header, Kind kind) {}

  /**
   * A bar chart of one numeric column of a table, one bar per row (a web page draws it; the other
   * formats have the table itself).
   *
   * @param title the chart's title
   * @param labelColumn the column naming each bar
   * @param valueColumn the column of the values
   * @param max the value of a full bar ({@code 100} for percentages), or {@code null} for the
   *     largest value
   * @param rows the rows drawn, in order (indexes into the table's rows); a long table is charted
   *     by a chosen few, which the title says
   */
  public record Chart(
      String title, int labelColumn, int valueColumn, Double max, List<Integer> rows) {
    public Chart {
      rows = List.copyOf(rows);
    }
  }

  /**
   * A line chart: one series of values over an axis of labels (periods).
   *
   * @param title the chart's title
   * @param labels the points' labels, in order
   * @param values the values, one per label ({@code null}: no figure for it)
   * @param max the top of the axis ({@code 100} for percentages)
   */
  public record Trend(String title, List<String> labels, List<Double> values, double max) {
    public Trend {
      labels = List.copyOf(labels);
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  /**
   * One table: a sheet of a workbook, a section of a page.
   *
   * @param sheet a short name for the workbook's sheet (at most 31 characters, made unique)
   * @param title the section's title
   * @param columns the columns
   * @param rows the rows, each with one cell per column
   * @param totals a last row of totals (bold), or {@code null}
   * @param chart a chart drawn above the table on a page, or {@code null}
   * @param notes lines printed under the table
   */
  public record Table(
      String sheet,
      String title,
      List<Column> columns,
      List<List<Object>> rows,
      List<Object> totals,
      Chart chart,
      List<String> notes) {
    public Table {
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
      notes = List.copyOf(notes);
      for (List<Object> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException(
              "row of " + row.size() + " cells in a table of " + columns.size() + " columns");
        }
      }
    }

    /** A table without totals, chart or notes. */
    public static Table of(
        String sheet, String title, List<Column> columns, List<List<Object>> rows) {
      return new Table(sheet, title, columns, rows, null, null, List.of());
    }

    /** This table with a chart. */
    public Table withChart(Chart c) {
      return new Table(sheet, title, columns, rows, totals, c, notes);
    }

    /** This table with a totals row. */
    public Table withTotals(List<Object> t) {
      return new Table(sheet, title, columns, rows, t, chart, notes);
    }

    /** This table with notes under it. */
    public Table withNotes(List<String> n) {
      return new Table(sheet, title, columns, rows, totals, chart, n);
    }
  }

  /** A row of cells (nulls allowed). */
  public static List<Object> row(Object... cells) {
    return java.util.Collections.unmodifiableList(java.util.Arrays.asList(cells.clone()));
  }
}
