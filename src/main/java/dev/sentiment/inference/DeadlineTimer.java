package dev.sentiment.inference;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Fails an admitted text's answer with {@link DeadlineExceededException} when its deadline passes
 * before a worker answered it. One daemon thread for the engine; a timer is removed as soon as its
 * answer completes, so the queue of timers holds only texts still waiting.
 */
final class DeadlineTimer implements AutoCloseable {

  private final ScheduledThreadPoolExecutor timer;

  DeadlineTimer() {
    timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "inference-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
  }

  /** Fails {@code answer} at {@code deadline} unless it completes first. */
  <T> void watch(CompletableFuture<T> answer, Deadline deadline) {
    ScheduledFuture<?> expiry =
        timer.schedule(
            () -> answer.completeExceptionally(new DeadlineExceededException()),
            deadline.remaining().toNanos(),
            TimeUnit.NANOSECONDS);
    answer.whenComplete((result, failure) -> expiry.cancel(false));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
