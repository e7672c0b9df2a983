package vn.hatang.core.waiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaiversTest {
  static final String PC = "c0ffee00112233445566778899aabbcc";

  static Waiver waiver(Waiver.Scope scope, String target, String from, String to, String place) {
    return new Waiver(
        "tpm.version",
        scope,
        target,
        "why",
        "who",
        LocalDate.parse(from),
        LocalDate.parse(to),
        null,
        place);
  }

  @Test
  void inForceFromApprovalToExpiryInclusive() {
    Waivers w =
        new Waivers(List.of(waiver(Waiver.Scope.MACHINE, PC, "2026-10-01", "2026-12-31", "a")));
    assertThat(w.inForce("tpm.version", PC, "21607", LocalDate.parse("2026-09-30"))).isEmpty();
    assertThat(w.inForce("tpm.version", PC, "21607", LocalDate.parse("2026-10-01"))).isPresent();
    assertThat(w.inForce("tpm.version", PC, "21607", LocalDate.parse("2026-12-31"))).isPresent();
    assertThat(w.inForce("tpm.version", PC, "21607", LocalDate.parse("2027-01-01"))).isEmpty();
    assertThat(w.expired("tpm.version", PC, "21607", LocalDate.parse("2026-12-31"))).isEmpty();
    assertThat(w.expired("tpm.version", PC, "21607", LocalDate.parse("2027-01-01"))).isPresent();
    // Not yet approved is not expired either.
    assertThat(w.expired("tpm.version", PC, "21607", LocalDate.parse("2026-09-30"))).isEmpty();
  }

  @Test
  void coversOnlyItsCheckAndTarget() {
    Waivers w =
        new Waivers(
            List.of(
                waiver(Waiver.Scope.MACHINE, PC.toUpperCase(), "2026-01-01", "2026-12-31", "a"),
                waiver(Waiver.Scope.UNIT, "21583", "2026-01-01", "2026-12-31", "b")));
    LocalDate day = LocalDate.parse("2026-06-01");
    assertThat(w.inForce("tpm.version", PC, "21607", day)).map(Waiver::place).contains("a");
    assertThat(w.inForce("ram.min", PC, "21607", day)).isEmpty();
    assertThat(w.inForce("tpm.version", "other", "21583", day)).map(Waiver::place).contains("b");
    assertThat(w.inForce("tpm.version", "other", "21607", day)).isEmpty();
    assertThat(w.inForce("tpm.version", null, null, day)).isEmpty();
  }

  @Test
  void machineScopeWinsThenTheLongestLasting() {
    Waivers w =
        new Waivers(
            List.of(
                waiver(Waiver.Scope.UNIT, "21607", "2026-01-01", "2027-12-31", "unit"),
                waiver(Waiver.Scope.MACHINE, PC, "2026-01-01", "2026-12-31", "short"),
                waiver(Waiver.Scope.MACHINE, PC, "2026-01-01", "2027-06-30", "long")));
    assertThat(w.inForce("tpm.version", PC, "21607", LocalDate.parse("2026-06-01")))
        .map(Waiver::place)
        .contains("long");
    assertThat(w.inForce("tpm.version", PC, "21607", LocalDate.parse("2027-07-01")))
        .map(Waiver::place)
        .contains("unit");
  }
}
