package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.hatang.agent.Fixtures;

class WindowsVersionTest {
  @Test
  void windows11StillCalledWindows10InTheRegistry() {
    WindowsVersion v =
        WindowsVersion.parseRegQuery(Fixtures.text("windows/reg-currentversion-win11.txt"));
    assertThat(v)
        .isEqualTo(new WindowsVersion("Windows 11 Pro", "Professional", "23H2", "22631.4460"));
  }

  @Test
  void windows10KeepsItsName() {
    WindowsVersion v =
        WindowsVersion.parseRegQuery(Fixtures.text("windows/reg-currentversion-win10.txt"));
    assertThat(v)
        .isEqualTo(new WindowsVersion("Windows 10 Enterprise", "Enterprise", "22H2", "19045.4914"));
  }

  @Test
  void otherOutputIsAnError() {
    assertThatThrownBy(
            () ->
                WindowsVersion.parseRegQuery(
                    "ERROR: The system was unable to find the specified registry key or value."))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
