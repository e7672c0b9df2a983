package vn.hatang.core.attest;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A person's record of how many of one kind of equipment a unit has, for what no agent can see
 * (video-conference kit, network gear, a UPS without USB). Documented in {@code
 * docs/attestations.md}. Immutable.
 *
 * @param unitCode the unit's code
 * @param item what is counted: an open identifier ({@code ups}, {@code printer}, {@code
 *     video_conference_kit}, {@code network_switch}, ...)
 * @param count how many, &gt;= 0
 * @param attestedBy who attests it
 * @param attestedOn the day it was attested: it holds from this day on
 * @param note a remark, or {@code null}
 * @param validUntil the last day it holds (inclusive), or {@code null} until replaced
 * @param place {@code file:line:col} in its file, for messages
 */
public record Attestation(
    String unitCode,
    String item,
    int count,
    String attestedBy,
    LocalDate attestedOn,
    String note,
    LocalDate validUntil,
    String place) {

  public Attestation {
    Objects.requireNonNull(unitCode);
    Objects.requireNonNull(item);
    Objects.requireNonNull(attestedBy);
    Objects.requireNonNull(attestedOn);
    if (count < 0) {
      throw new IllegalArgumentException("count < 0: " + place);
    }
    if (validUntil != null && validUntil.isBefore(attestedOn)) {
      throw new IllegalArgumentException("validUntil before attestedOn: " + place);
    }
  }

  /** Whether it holds on a day: attested on or before it, and not past {@code validUntil}. */
  public boolean validOn(LocalDate day) {
    return !day.isBefore(attestedOn) && (validUntil == null || !day.isAfter(validUntil));
  }
}
