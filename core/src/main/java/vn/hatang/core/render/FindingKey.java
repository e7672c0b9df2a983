package vn.hatang.core.render;

import java.util.Objects;
import vn.hatang.core.check.Finding;

/**
 * What a finding's rendering is made of, as a key of the renderers' caches: its check (the same
 * object), its state and the values shown (measured, required, shortfall and its unit, reason,
 * note, unit cost). Equal keys, equal table rows ({@link TableRenderer}) and equal JSON objects
 * ({@link JsonRenderer}, which leaves findings with a waiver out of its cache). Not the finding
 * itself, whose check would be compared field by field.
 */
final class FindingKey {
  private final Finding x;
  private final int hash;

  FindingKey(Finding x) {
    this.x = x;
    int h = System.identityHashCode(x.check());
    h = 31 * h + x.state().hashCode();
    h = 31 * h + Objects.hashCode(x.measured());
    h = 31 * h + Objects.hashCode(x.required());
    h = 31 * h + Objects.hashCode(x.shortfall());
    h = 31 * h + Objects.hashCode(x.shortfallUnit());
    h = 31 * h + Objects.hashCode(x.reason());
    h = 31 * h + Objects.hashCode(x.note());
    this.hash = 31 * h + Objects.hashCode(x.unitCost());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FindingKey k) || k.hash != hash) {
      return false;
    }
    Finding y = k.x;
    return y.check() == x.check()
        && y.state() == x.state()
        && Objects.equals(y.measured(), x.measured())
        && Objects.equals(y.required(), x.required())
        && Objects.equals(y.shortfall(), x.shortfall())
        && Objects.equals(y.shortfallUnit(), x.shortfallUnit())
        && Objects.equals(y.reason(), x.reason())
        && Objects.equals(y.note(), x.note())
        && Objects.equals(y.unitCost(), x.unitCost());
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
