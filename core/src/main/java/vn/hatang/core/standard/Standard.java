package vn.hatang.core.standard;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A versioned standard: header, checks and the reference data its checks need. Immutable.
 *
 * @param id standard id ({@code vn-basic-it})
 * @param version version ({@code 2025.1}), equal to the file's name
 * @param title title
 * @param issuer who issued it
 * @param legalBasis documents it rests on
 * @param effectiveFrom first day it applies
 * @param supersedes the version it replaces, or {@code null}
 * @param freshnessDays days after which a snapshot counts as stale
 * @param checks the machine checks, in file order
 * @param unitChecks the unit-scoped checks ({@code scope: unit}), in file order
 * @param score how units are scored, or {@code null} when the standard declares no score
 * @param plan how remediation plans set deadlines
 * @param reference reference data (OS lifecycle, CPU generations, prices)
 * @param sha256 SHA-256 of the standards file's bytes, hex
 * @param source where it was loaded from (path or {@code bundled:...})
 */
public record Standard(
    String id,
    String version,
    LocalizedText title,
    String issuer,
    List<String> legalBasis,
    LocalDate effectiveFrom,
    String supersedes,
    int freshnessDays,
    List<Check> checks,
    List<UnitCheck> unitChecks,
    ScoreModel score,
    PlanPolicy plan,
    ReferenceData reference,
    String sha256,
    String source) {

  public Standard {
    Objects.requireNonNull(id);
    Objects.requireNonNull(version);
    legalBasis = List.copyOf(legalBasis);
    checks = List.copyOf(checks);
    unitChecks = unitChecks == null ? List.of() : List.copyOf(unitChecks);
    plan = plan == null ? PlanPolicy.DEFAULT : plan;
  }

  /** Whether the standard is in force on a day (on or after {@code effectiveFrom}). */
  public boolean inForceOn(LocalDate day) {
    return effectiveFrom == null || !day.isBefore(effectiveFrom);
  }

  /** The same standard with other checks (a narrower standard for a test or a what-if). */
  public Standard withChecks(List<Check> machineChecks, List<UnitCheck> unitScoped) {
    return new Standard(
        id,
        version,
        title,
        issuer,
        legalBasis,
        effectiveFrom,
        supersedes,
        freshnessDays,
        machineChecks,
        unitScoped,
        score,
        plan,
        reference,
        sha256,
        source);
  }

  /** {@code id@version}. */
  public String ref() {
    return id + "@" + version;
  }
}
