package vn.hatang.core.standard;

import java.util.List;
import java.util.Objects;

/**
 * One check of a standard: measure {@code metric}, compare it with {@code value} using {@code op}.
 *
 * @param id stable id, unique in the standard ({@code ram.min})
 * @param title what is checked
 * @param scope {@code machine} (unit-scoped checks come with province reporting)
 * @param appliesTo which machines the check concerns
 * @param metric a documented metric name ({@link Metric})
 * @param lineName the line a {@code line.*} metric reads (key {@code line:}) ({@code internet},
 *     {@code dedicated}), else {@code null}
 * @param op comparison
 * @param value the required value: a number (in {@code unit}), string, boolean, ISO date or the
 *     word {@code evaluation-date}; a list for {@code in}/{@code not in}
 * @param unit the unit of a numeric value ({@code GiB}, {@code GB}, {@code GHz}), or {@code null}
 * @param severity severity of a failure
 * @param weight weight in scores, &gt;= 0
 * @param remediation what to do when the check fails, or {@code null}
 * @param source where the threshold comes from (a document, or "assumption")
 * @param line line of the check in the standards file, for messages
 */
public record Check(
    String id,
    LocalizedText title,
    String scope,
    AppliesTo appliesTo,
    Metric metric,
    String lineName,
    Operator op,
    Object value,
    String unit,
    Severity severity,
    double weight,
    Remediation remediation,
    String source,
    int line) {

  public Check {
    Objects.requireNonNull(id);
    Objects.requireNonNull(metric);
    Objects.requireNonNull(op);
    value = value instanceof List<?> l ? List.copyOf(l) : value;
    appliesTo = appliesTo == null ? AppliesTo.ALL : appliesTo;
  }

  /**
   * Which machines a check concerns; an empty list means "any".
   *
   * @param unitLevels unit levels ({@code commune}, ...)
   * @param roles machine roles ({@code desktop}, {@code laptop}, ...)
   * @param tags the machine must carry at least one of these tags
   * @param osFamilies OS families ({@code Windows}, ...)
   */
  public record AppliesTo(
      List<String> unitLevels, List<String> roles, List<String> tags, List<String> osFamilies) {
    /** Applies to every machine. */
    public static final AppliesTo ALL = new AppliesTo(List.of(), List.of(), List.of(), List.of());

    public AppliesTo {
      unitLevels = List.copyOf(unitLevels);
      roles = List.copyOf(roles);
      tags = List.copyOf(tags);
      osFamilies = List.copyOf(osFamilies);
    }
  }

  /**
   * What to do about a failure.
   *
   * @param action the action, for people
   * @param costKey key into the standard's price table, or {@code null}
   */
  public record Remediation(LocalizedText action, String costKey) {}
}
