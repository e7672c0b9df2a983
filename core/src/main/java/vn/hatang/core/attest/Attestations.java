package vn.hatang.core.attest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The equipment attestations of one file, looked up per unit and item as of a day. Immutable and
 * thread-safe.
 *
 * <p>As of a day, the attestation that counts for a unit and item is the latest one attested on or
 * before that day: a later attestation replaces an earlier one (also when it says fewer, or 0).
 * When that latest one is past its {@code validUntil}, there is no valid attestation: an older one
 * does not come back.
 */
public final class Attestations {
  /** No attestations at all. */
  public static final Attestations NONE = new Attestations(List.of());

  private final List<Attestation> all;

  /** Per unit code and item, sorted by {@code attestedOn}, latest first. */
  private final Map<Key, List<Attestation>> byKey;

  private record Key(String unitCode, String item) {}

  /**
   * @param attestations in file order
   */
  public Attestations(List<Attestation> attestations) {
    this.all = List.copyOf(attestations);
    Map<Key, List<Attestation>> m = new HashMap<>();
    for (Attestation a : all) {
      m.computeIfAbsent(new Key(a.unitCode(), a.item()), k -> new ArrayList<>()).add(a);
    }
    m.replaceAll(
        (k, v) ->
            v.stream().sorted(Comparator.comparing(Attestation::attestedOn).reversed()).toList());
    this.byKey = Map.copyOf(m);
  }

  /** Every attestation, in file order. */
  public List<Attestation> all() {
    return all;
  }

  /**
   * The attestation in force for a unit and item on a day.
   *
   * @param unitCode the unit's code
   * @param item the item ({@code ups}, ...)
   * @param asOf the day
   * @return the latest attestation made on or before {@code asOf}, if it is still valid then
   */
  public Optional<Attestation> entry(String unitCode, String item, LocalDate asOf) {
    for (Attestation a : byKey.getOrDefault(new Key(unitCode, item), List.of())) {
      if (!a.attestedOn().isAfter(asOf)) {
        return a.validOn(asOf) ? Optional.of(a) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * How many of an item a unit has on a day, by its attestation in force ({@link #entry}); empty
   * when nobody has attested it (which is not the same as 0).
   */
  public OptionalInt count(String unitCode, String item, LocalDate asOf) {
    return entry(unitCode, item, asOf)
        .map(a -> OptionalInt.of(a.count()))
        .orElse(OptionalInt.empty());
  }
}
