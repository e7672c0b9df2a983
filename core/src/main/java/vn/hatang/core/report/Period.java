package vn.hatang.core.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}) or a year ({@code
 * 2026}), with its first and last day (inclusive).
 *
 * @param label the period as written
 * @param kind month, quarter or year
 * @param start first day
 * @param end last day, inclusive
 */
public record Period(String label, Kind kind, LocalDate start, LocalDate end) {
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");

  /** The length of a period. */
  public enum Kind {
    MONTH,
    QUARTER,
    YEAR
  }

  public Period {
    Objects.requireNonNull(label);
    Objects.requireNonNull(kind);
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(label + ": ends before it starts");
    }
  }

  /** Parses {@code YYYY-MM}, {@code YYYY-Qn} or {@code YYYY}; empty when it is none of them. */
  public static Optional<Period> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    try {
      Matcher m = MONTH.matcher(t);
      if (m.matches()) {
        YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        return Optional.of(month(ym));
      }
      m = QUARTER.matcher(t);
      if (m.matches()) {
        return Optional.of(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
      }
      m = YEAR.matcher(t);
      if (m.matches()) {
        return Optional.of(year(Integer.parseInt(m.group(1))));
      }
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** A month. */
  public static Period month(YearMonth ym) {
    return new Period(ym.toString(), Kind.MONTH, ym.atDay(1), ym.atEndOfMonth());
  }

  /** Quarter {@code q} (1 to 4) of a year. */
  public static Period quarter(int year, int q) {
    YearMonth first = YearMonth.of(year, 3 * q - 2);
    return new Period(
        year + "-Q" + q, Kind.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
  }

  /** A calendar year. */
  public static Period year(int year) {
    return new Period(
        Integer.toString(year), Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** The period of the same kind just before this one. */
  public Period previous() {
    return switch (kind) {
      case MONTH -> month(YearMonth.from(start).minusMonths(1));
      case QUARTER -> {
        int q = (start.getMonthValue() + 2) / 3;
        yield q == 1 ? quarter(start.getYear() - 1, 4) : quarter(start.getYear(), q - 1);
      }
      case YEAR -> year(start.getYear() - 1);
    };
  }

  /** Whether a day falls in the period. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }
}
