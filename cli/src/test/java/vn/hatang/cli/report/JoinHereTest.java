package vn.hatang.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Waiting for a pool's work ends when the work does, or when a worker thread has died. */
@Timeout(30)
class JoinHereTest {

  @Test
  void workThatEndsGivesItsResultOrItsErrorAsItWas() {
    AtomicReference<Throwable> none = new AtomicReference<>();
    assertThat(SnapshotStream.joinHere(CompletableFuture.completedFuture("done"), none))
        .isEqualTo("done");
    CompletableFuture<String> later =
        CompletableFuture.supplyAsync(
            () -> {
              sleep(300);
              return "later";
            });
    assertThat(SnapshotStream.joinHere(later, none)).isEqualTo("later");
    assertThatThrownBy(
            () ->
                SnapshotStream.joinHere(
                    CompletableFuture.failedFuture(new IllegalArgumentException("bug")), none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bug");
    assertThatThrownBy(
            () ->
                SnapshotStream.joinHere(
                    CompletableFuture.failedFuture(new OutOfMemoryError("heap")), none))
        .isInstanceOf(OutOfMemoryError.class);
  }

  /**
   * Work lost with a worker thread that died outside its task never completes: the wait throws the
   * worker's error instead of lasting for ever (a cron job hung on a full heap).
   */
  @Test
  void workLostWithADeadWorkerEndsTheWaitWithItsError() {
    CompletableFuture<String> lost = new CompletableFuture<>();
    AtomicReference<Throwable> died = new AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              sleep(300);
              died.set(new OutOfMemoryError("Java heap space"));
            });
    worker.start();
    assertThatThrownBy(() -> SnapshotStream.joinHere(lost, died))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessage("Java heap space");
    died.set(new IllegalStateException("odd"));
    assertThatThrownBy(() -> SnapshotStream.joinHere(lost, died))
        .isInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("odd");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
