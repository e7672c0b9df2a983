package vn.hatang.agent.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import vn.hatang.core.snapshot.Diagnostics;

class ProbeRunnerTest {
  @Test
  void aFailingProbeIsRecordedAndTheNextStillRuns() {
    ProbeRunner runner = new ProbeRunner();
    String failed =
        runner.run(
            "tpm",
            () -> {
              throw new IOException("cannot read /sys/class/tpm/tpm0");
            });
    String ok = runner.run("cpu", () -> "AMD");
    String unsupported =
        runner.run(
            "antivirus",
            () -> {
              throw new UnsupportedProbeException("not on Linux");
            });
    assertThat(failed).isNull();
    assertThat(ok).isEqualTo("AMD");
    assertThat(unsupported).isNull();
    assertThat(runner.probes())
        .extracting(Diagnostics.Probe::name, Diagnostics.Probe::status, Diagnostics.Probe::error)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "tpm", "FAILED", "IOException: cannot read /sys/class/tpm/tpm0"),
            org.assertj.core.groups.Tuple.tuple("cpu", "OK", null),
            org.assertj.core.groups.Tuple.tuple("antivirus", "UNSUPPORTED", "not on Linux"));
    assertThat(runner.probes()).allSatisfy(p -> assertThat(p.durationMs()).isNotNegative());
  }
}
