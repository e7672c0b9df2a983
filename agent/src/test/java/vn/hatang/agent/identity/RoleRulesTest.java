package vn.hatang.agent.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleRulesTest {
  @Test
  void configuredRoleWins() {
    assertThat(RoleRules.decide(Role.SERVER, "Notebook", true)).isEqualTo(Role.SERVER);
  }

  @Test
  void virtualMachineBeatsChassis() {
    assertThat(RoleRules.decide(null, "Other", true)).isEqualTo(Role.VIRTUAL);
    assertThat(RoleRules.decide(null, null, true)).isEqualTo(Role.VIRTUAL);
  }

  @Test
  void chassisDecides() {
    assertThat(RoleRules.decide(null, "Notebook", false)).isEqualTo(Role.LAPTOP);
    assertThat(RoleRules.decide(null, "Convertible", null)).isEqualTo(Role.LAPTOP);
    assertThat(RoleRules.decide(null, "Desktop", false)).isEqualTo(Role.DESKTOP);
    assertThat(RoleRules.decide(null, "Mini PC", false)).isEqualTo(Role.DESKTOP);
    assertThat(RoleRules.decide(null, "All in One", false)).isEqualTo(Role.DESKTOP);
    assertThat(RoleRules.decide(null, "Rack Mount Chassis", false)).isEqualTo(Role.SERVER);
  }

  @Test
  void unknownStaysUnknown() {
    assertThat(RoleRules.decide(null, null, false)).isNull();
    assertThat(RoleRules.decide(null, "Other", false)).isNull();
  }

  @Test
  void roleIds() {
    assertThat(Role.parse("Laptop")).isEqualTo(Role.LAPTOP);
    assertThat(Role.VIRTUAL.id()).isEqualTo("virtual");
    assertThat(Role.ids()).isEqualTo("desktop, laptop, server, virtual");
  }
}
