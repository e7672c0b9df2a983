package vn.hatang.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.hatang.agent.config.AgentConfig;
import vn.hatang.agent.spool.SpoolState;

class RunCycleTest {
  private static final Instant NOW = Instant.parse("2026-11-25T22:00:00Z");

  private static AgentConfig every(Integer hours) {
    return new AgentConfig(
        null, null, null, null, null, null, null, new AgentConfig.Schedule(hours, 0), null);
  }

  private static SpoolState measuredAt(String at) {
    return SpoolState.initial().withLinesMeasuredAt(Instant.parse(at));
  }

  @Test
  void linesAreDueWhenNeverMeasuredOrTheIntervalHasPassed() {
    assertThat(RunCycle.linesDue(SpoolState.initial(), every(24), NOW)).isTrue();
    assertThat(RunCycle.linesDue(measuredAt("2026-11-24T22:00:00Z"), every(24), NOW)).isTrue();
    assertThat(RunCycle.linesDue(measuredAt("2026-11-24T22:00:01Z"), every(24), NOW)).isFalse();
    assertThat(RunCycle.linesDue(measuredAt("2026-11-25T21:59:00Z"), every(null), NOW)).isFalse();
  }

  @Test
  void zeroMeansEveryRunAndAClockSetBackMeasures() {
    assertThat(RunCycle.linesDue(measuredAt("2026-11-25T21:59:59Z"), every(0), NOW)).isTrue();
    assertThat(RunCycle.linesDue(measuredAt("2027-01-01T00:00:00Z"), every(24), NOW)).isTrue();
  }

  @Test
  void uploadWaitsForTheBackoffButNotForAWaitFromTheFuture() {
    assertThat(RunCycle.uploadDue(SpoolState.initial(), NOW)).isTrue();
    SpoolState waiting = SpoolState.initial().afterFailure(NOW.plusSeconds(600));
    assertThat(RunCycle.uploadDue(waiting, NOW)).isFalse();
    assertThat(RunCycle.uploadDue(waiting, NOW.plusSeconds(600))).isTrue();
    assertThat(
            RunCycle.uploadDue(
                SpoolState.initial().afterFailure(NOW.plus(java.time.Duration.ofHours(36))), NOW))
        .isFalse();
    // Set a year ahead before the clock was corrected: not honoured.
    assertThat(
            RunCycle.uploadDue(
                SpoolState.initial().afterFailure(NOW.plus(java.time.Duration.ofDays(365))), NOW))
        .isTrue();
  }
}
