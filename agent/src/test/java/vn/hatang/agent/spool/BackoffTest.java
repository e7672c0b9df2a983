package vn.hatang.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesFromFiveMinutesWithoutJitterAtTheMiddle() {
    // random() = 0.5 gives the factor 1.0
    assertThat(Backoff.delay(1, () -> 0.5)).isEqualTo(Duration.ofMinutes(5));
    assertThat(Backoff.delay(2, () -> 0.5)).isEqualTo(Duration.ofMinutes(10));
    assertThat(Backoff.delay(3, () -> 0.5)).isEqualTo(Duration.ofMinutes(20));
    assertThat(Backoff.delay(9, () -> 0.5)).isEqualTo(Duration.ofMinutes(5 * 256));
  }

  @Test
  void capsAtADayEvenAfterVeryManyFailures() {
    assertThat(Backoff.delay(10, () -> 0.5)).isEqualTo(Duration.ofHours(24));
    assertThat(Backoff.delay(1000, () -> 0.5)).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void jitterSpansHalfToOneAndAHalfTimes() {
    assertThat(Backoff.delay(1, () -> 0.0)).isEqualTo(Duration.ofSeconds(150));
    assertThat(Backoff.delay(1, () -> 0.999_999))
        .isBetween(Duration.ofSeconds(449), Duration.ofSeconds(450));
    assertThat(Backoff.delay(10, () -> 0.0)).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void nextIsNowPlusTheDelay() {
    Instant now = Instant.parse("2026-11-25T22:00:00Z");
    assertThat(Backoff.next(now, 2, () -> 0.25)).isEqualTo(Instant.parse("2026-11-25T22:07:30Z"));
  }

  @Test
  void noFailureNoBackoff() {
    assertThatThrownBy(() -> Backoff.delay(0, () -> 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
