package vn.hatang.core.waiver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The waivers of one file, looked up by check, machine, unit and day. Immutable and thread-safe.
 *
 * <p>When several waivers cover the same finding, a machine-scoped one wins over a unit-scoped one,
 * then the one that lasts longest, then the first in the file.
 */
public final class Waivers {
  /** No waivers at all. */
  public static final Waivers NONE = new Waivers(List.of());

  private static final Comparator<Waiver> PREFERENCE =
      Comparator.comparing((Waiver w) -> w.scope() == Waiver.Scope.MACHINE ? 0 : 1)
          .thenComparing(Waiver::expires, Comparator.reverseOrder());

  private final List<Waiver> all;
  private final Map<String, List<Waiver>> byCheck;

  /**
   * @param waivers in file order
   */
  public Waivers(List<Waiver> waivers) {
    this.all = List.copyOf(waivers);
    Map<String, List<Waiver>> m = new LinkedHashMap<>();
    for (Waiver w : all) {
      m.computeIfAbsent(w.checkId(), k -> new ArrayList<>()).add(w);
    }
    m.replaceAll((k, v) -> List.copyOf(v));
    this.byCheck = Map.copyOf(m);
  }

  /** Every waiver, in file order. */
  public List<Waiver> all() {
    return all;
  }

  /** Whether there are none. */
  public boolean isEmpty() {
    return all.isEmpty();
  }

  /**
   * The waiver in force for a check on a machine on a day: approved on or before the day and
   * expiring on or after it.
   *
   * @param checkId the check
   * @param machineId the snapshot's machine id, or {@code null}
   * @param unitCode the snapshot's unit code, or {@code null}
   * @param day the evaluation date
   */
  public Optional<Waiver> inForce(
      String checkId, String machineId, String unitCode, LocalDate day) {
    return byCheck.getOrDefault(checkId, List.of()).stream()
        .filter(w -> w.covers(checkId, machineId, unitCode) && w.inForceOn(day))
        .min(PREFERENCE);
  }

  /**
   * The most recently expired waiver for a check on a machine, as of a day: what to tell people
   * when a finding fails again because its waiver ran out. Empty when none has expired.
   */
  public Optional<Waiver> expired(
      String checkId, String machineId, String unitCode, LocalDate day) {
    return byCheck.getOrDefault(checkId, List.of()).stream()
        .filter(w -> w.covers(checkId, machineId, unitCode) && w.expiredOn(day))
        .min(PREFERENCE);
  }
}
