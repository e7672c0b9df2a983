package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CpuInfoParserTest {
  static String fixture(String name) throws Exception {
    try (var in = CpuInfoParserTest.class.getResourceAsStream("/fixtures/linux/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void intelDesktop() throws Exception {
    CpuInfoParser.Identity id = CpuInfoParser.parse(fixture("cpuinfo-intel-i5-8500.txt"));
    assertThat(id)
        .isEqualTo(
            new CpuInfoParser.Identity(
                "GenuineIntel", "Intel(R) Core(TM) i5-8500 CPU @ 3.00GHz", 6, 158, 10));
    assertThat(id.nominalHz()).isEqualTo(3_000_000_000L);
  }

  @Test
  void amdVirtualMachineHasNoNominalFrequency() throws Exception {
    CpuInfoParser.Identity id = CpuInfoParser.parse(fixture("cpuinfo-amd-epyc-vm.txt"));
    assertThat(id).isEqualTo(new CpuInfoParser.Identity("AuthenticAMD", "AMD EPYC", 25, 1, 1));
    assertThat(id.nominalHz()).isNull();
  }

  @Test
  void emptyOrForeignTextHasNoIdentity() {
    assertThat(CpuInfoParser.parse("")).isNull();
    assertThat(CpuInfoParser.parse("processor : 0\nBogoMIPS : 100\n")).isNull();
  }
}
