package vn.hatang.core.standard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.hatang.core.Fixtures;
import vn.hatang.core.snapshot.Processor;

class CpuGenerationsTest {
  final CpuGenerations rules = Fixtures.defaultStandard().reference().cpuGenerations();

  @ParameterizedTest(name = "{0} → {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz|GenuineIntel|6|142|Intel Core gen 8|true",
        "Intel(R) Core(TM) i7-10700K CPU @ 3.80GHz|GenuineIntel|6|165|Intel Core gen 10|true",
        "11th Gen Intel(R) Core(TM) i5-1135G7 @ 2.40GHz|GenuineIntel|6|140|Intel Core gen 11|true",
        "12th Gen Intel(R) Core(TM) i5-12400|GenuineIntel|6|151|Intel Core gen 12|true",
        "Intel(R) Core(TM) i7-7700 CPU @ 3.60GHz|GenuineIntel|6|158|Intel Core gen 7|false",
        "Intel(R) Core(TM) i3-2100 CPU @ 3.10GHz|GenuineIntel|6|42|Intel Core gen 2|false",
        "Intel(R) Core(TM) i7 CPU         920  @ 2.67GHz|GenuineIntel|6|26|Intel Core gen 1|false",
        "Intel(R) Core(TM) i5 CPU       M 520  @ 2.40GHz|GenuineIntel|6|37|Intel Core gen 1|false",
        "Intel(R) Core(TM) Ultra 7 155H|GenuineIntel|6|170|Intel Core Ultra|true",
        "AMD Ryzen 5 2600 Six-Core Processor|AuthenticAMD|23|8|AMD Ryzen 2000 series|true",
        "AMD Ryzen 7 1700 Eight-Core Processor|AuthenticAMD|23|1|AMD Ryzen 1000 series|false",
        "AMD Ryzen 5 PRO 5650G with Radeon Graphics|AuthenticAMD|25|80|AMD Ryzen 5000 series|true",
        "AMD A8-7600 Radeon R7|AuthenticAMD|21|48|AMD before Zen|false",
        "Intel(R) Pentium(R) CPU G2030 @ 3.00GHz|GenuineIntel|6|58|Intel (family 6, model <= 95)|false",
      })
  void placesCpus(
      String name, String vendor, int family, int model, String label, boolean supported) {
    CpuGenerations.Placement p =
        rules.place(new Processor(name, vendor, family, model, null, 2, 4, null));
    assertThat(p).isNotNull();
    assertThat(p.generation()).isEqualTo(label);
    assertThat(p.supported()).isEqualTo(supported);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz|GenuineIntel|6|85",
        "QEMU Virtual CPU version 2.5+|GenuineIntel|6|6"
      })
  void unmatchedOrLegacyFamilies(String name, String vendor, int family, int model) {
    CpuGenerations.Placement p =
        rules.place(new Processor(name, vendor, family, model, null, 2, 4, null));
    // Xeon model 85 is the documented exception (Cascade Lake): no rule decides → unknown.
    if (model == 85) {
      assertThat(p).isNull();
    } else {
      assertThat(p.supported()).isFalse();
    }
  }
}
