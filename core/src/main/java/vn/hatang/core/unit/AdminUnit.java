package vn.hatang.core.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One version of an administrative unit (province, district, commune, ward, special zone, office…):
 * its code, name, level and parent over a period of validity. Levels are an open list of data (any
 * lower-case identifier), never an enum: the district level ended on 01/7/2025 and new levels may
 * come. A code may be reused over time (new communes took a predecessor's 5-digit code), so a
 * version is identified by {@code (code, validFrom)}. Immutable.
 *
 * @param code the unit's code, 1–32 letters, digits, {@code .}, {@code _} or {@code -} (for example
 *     the statistics office's commune code {@code 21583})
 * @param name the unit's name in Vietnamese ({@code Phường Quy Nhơn}), 1–256 characters
 * @param level the unit's level: a lower-case identifier ({@code province}, {@code commune}…)
 * @param parentCode the parent unit's code, resolved on each day of this version's validity, or
 *     {@code null} for a root
 * @param validFrom first day of validity, or {@code null} for "since before the records"
 * @param validTo last day of validity (inclusive), or {@code null} for "still valid"
 * @param successors codes of the units that took over on the day after {@code validTo}
 * @param head the head of the unit, the owner of its remediation plan, or {@code null}
 * @param expectedStaff how many staff the unit has (the denominator of "per staff" rules), or
 *     {@code null} when not known
 * @param expectedMachines how many computers the unit is expected to report, or {@code null}
 */
public record AdminUnit(
    String code,
    String name,
    String level,
    String parentCode,
    LocalDate validFrom,
    LocalDate validTo,
    List<String> successors,
    Head head,
    Integer expectedStaff,
    Integer expectedMachines) {

  /** Codes: what a unit code may look like. */
  public static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");

  /** Levels: lower-case identifiers. */
  public static final Pattern LEVEL = Pattern.compile("[a-z][a-z0-9_]{0,31}");

  /** Longest name, in characters. */
  public static final int MAX_NAME = 256;

  /**
   * The head of a unit: who owns its plan.
   *
   * @param name full name
   * @param title position ({@code Chủ tịch UBND}), or {@code null}
   * @param email e-mail address, or {@code null}
   */
  public record Head(String name, String title, String email) {
    /** Longest name or title, in characters. */
    public static final int MAX_TEXT = 128;

    public Head {
      String problem = problem(name, title, email);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }

    /** The message key of what is wrong with these values, or {@code null} when they are fine. */
    public static String problem(String name, String title, String email) {
      if (name == null || name.isBlank() || name.length() > MAX_TEXT || hasControl(name)) {
        return "units.error.badHeadName";
      }
      if (title != null && (title.length() > MAX_TEXT || hasControl(title))) {
        return "units.error.badHeadTitle";
      }
      if (email != null && !email.matches("[^@\\s]{1,64}@[^@\\s]{1,189}")) {
        return "units.error.badEmail";
      }
      return null;
    }
  }

  public AdminUnit {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(level, "level");
    successors = successors == null ? List.of() : List.copyOf(successors);
    for (String key :
        new String[] {
          codeProblem(code),
          nameProblem(name),
          levelProblem(level),
          parentCode == null ? null : codeProblem(parentCode),
          periodProblem(validFrom, validTo),
          countProblem(expectedStaff),
          countProblem(expectedMachines)
        }) {
      if (key != null) {
        throw new IllegalArgumentException(key + ": " + code);
      }
    }
    for (String s : successors) {
      if (codeProblem(s) != null) {
        throw new IllegalArgumentException("units.error.badCode: " + s);
      }
    }
  }

  /** Whether this version is valid on a day ({@code validTo} inclusive). */
  public boolean validOn(LocalDate day) {
    return !start().isAfter(day) && !end().isBefore(day);
  }

  /** {@code validFrom}, or {@link LocalDate#MIN} when open. */
  public LocalDate start() {
    return validFrom == null ? LocalDate.MIN : validFrom;
  }

  /** {@code validTo}, or {@link LocalDate#MAX} when open. */
  public LocalDate end() {
    return validTo == null ? LocalDate.MAX : validTo;
  }

  /** {@code code@validFrom}, the identity of this version, for messages. */
  public String identity() {
    return code + "@" + (validFrom == null ? "…" : validFrom.toString());
  }

  /** The message key of what is wrong with a code, or {@code null}. */
  public static String codeProblem(String code) {
    return code != null && CODE.matcher(code).matches() ? null : "units.error.badCode";
  }

  /** The message key of what is wrong with a name, or {@code null}. */
  public static String nameProblem(String name) {
    return name != null && !name.isBlank() && name.length() <= MAX_NAME && !hasControl(name)
        ? null
        : "units.error.badName";
  }

  /** The message key of what is wrong with a level, or {@code null}. */
  public static String levelProblem(String level) {
    return level != null && LEVEL.matcher(level).matches() ? null : "units.error.badLevel";
  }

  /** The message key of what is wrong with a period, or {@code null}. */
  public static String periodProblem(LocalDate from, LocalDate to) {
    return from != null && to != null && to.isBefore(from) ? "units.error.badPeriod" : null;
  }

  /** The message key of what is wrong with an expected count, or {@code null}. */
  public static String countProblem(Integer count) {
    return count != null && count < 0 ? "units.error.negative" : null;
  }

  private static boolean hasControl(String s) {
    return s.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL);
  }
}
