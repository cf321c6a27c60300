package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The queue's admission, priority and batching rules, without a model. */
class WorkQueueTest {

  private static WorkItem item(int tokens) {
    long now = System.nanoTime();
    return new WorkItem(
        new EncodedText(new long[tokens], false), true, now, now + TimeUnit.SECONDS.toNanos(60));
  }

  @Test
  void refusesInteractiveTextsBeyondCapacity() {
    WorkQueue queue = new WorkQueue(2, 10, 4);
    assertThat(queue.offer(item(3))).isTrue();
    assertThat(queue.offer(item(3))).isTrue();
    assertThat(queue.offer(item(3))).isFalse();
    assertThat(queue.size(Priority.INTERACTIVE)).isEqualTo(2);
  }

  @Test
  void takesInteractiveTextsFirstAndNeverMixesThemWithBulkOnes() throws Exception {
    WorkQueue queue = new WorkQueue(10, 10, 4);
    WorkItem bulk1 = item(3);
    WorkItem bulk2 = item(3);
    WorkItem interactive = item(3);
    queue.put(bulk1);
    queue.put(bulk2);
    queue.offer(interactive);

    assertThat(queue.takeBatch(8, 0)).containsExactly(interactive);
    queue.batchDone();
    assertThat(queue.takeBatch(8, 0)).containsExactly(bulk1, bulk2);
  }

  @Test
  void keepsBulkPassesSmallOnlyWhileInteractiveTrafficIsAbout() throws Exception {
    WorkQueue queue = new WorkQueue(10, 100, 4);
    for (int i = 0; i < 40; i++) {
      queue.put(item(3));
    }
    // No interactive text yet: bulk work gets full batches.
    assertThat(queue.takeBatch(16, 0)).hasSize(16);
    queue.batchDone();

    queue.offer(item(3));
    assertThat(queue.takeBatch(16, 0)).hasSize(1);
    queue.batchDone();
    // An interactive text just arrived: bulk passes shrink so the next one waits little.
    assertThat(queue.takeBatch(16, 0)).hasSize(4);
    queue.batchDone();
  }

  @Test
  void closesABatchAtItsMaximumSize() throws Exception {
    WorkQueue queue = new WorkQueue(10, 10, 4);
    for (int i = 0; i < 5; i++) {
      queue.offer(item(3));
    }
    assertThat(queue.takeBatch(3, 0)).hasSize(3);
    queue.batchDone();
    assertThat(queue.takeBatch(3, 0)).hasSize(2);
  }

  @Test
  void waitsForMoreTextsOnlyWhileAnotherWorkerIsBusy() throws Exception {
    WorkQueue queue = new WorkQueue(10, 10, 4);
    queue.offer(item(3));
    List<WorkItem> first = queue.takeBatch(4, TimeUnit.SECONDS.toNanos(30));
    // Nobody else was computing, so the worker went at once with one text.
    assertThat(first).hasSize(1);

    queue.offer(item(3));
    CompletableFuture<List<WorkItem>> second =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return queue.takeBatch(2, TimeUnit.SECONDS.toNanos(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    // The first worker is still busy, so the second waits to fill its batch...
    Thread.sleep(200);
    assertThat(second).isNotDone();
    queue.offer(item(3));
    // ...and goes as soon as it is full.
    assertThat(second.get(10, TimeUnit.SECONDS)).hasSize(2);
  }

  @Test
  void letsBulkProducersWaitForRoomAndDrainsAfterClose() throws Exception {
    WorkQueue queue = new WorkQueue(10, 1, 4);
    queue.put(item(3));
    CompletableFuture<Boolean> blocked =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return queue.put(item(3));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(200);
    assertThat(blocked).isNotDone();
    assertThat(queue.takeBatch(1, 0)).hasSize(1);
    queue.batchDone();
    assertThat(blocked.get(10, TimeUnit.SECONDS)).isTrue();

    queue.close();
    assertThat(queue.offer(item(3))).isFalse();
    assertThat(queue.takeBatch(4, 0)).hasSize(1);
    queue.batchDone();
    assertThat(queue.takeBatch(4, 0)).isEmpty();
  }
}
