package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The queue's admission, priority and batching rules, without a model. */
class WorkQueueTest {

  /** No deadline bound on how many texts may wait ahead. */
  private static final int ANY_WAIT = Integer.MAX_VALUE;

  private static WorkItem item(Priority priority) {
    return WorkItems.ofLength(priority, 3);
  }

  private static WorkItem interactive() {
    return item(Priority.INTERACTIVE);
  }

  private static WorkItem bulk() {
    return item(Priority.BULK);
  }

  private static CompletableFuture<List<WorkItem>> takeLater(
      WorkQueue queue, int maxSize, long maxDelayNanos) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return queue.takeBatch(maxSize, maxDelayNanos);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static void awaitIdleWorkers(WorkQueue queue, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (queue.idleWorkers() != count && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertThat(queue.idleWorkers()).isEqualTo(count);
  }

  @Test
  void wakesTheWorkerThatWentIdleLastSoOneWorkerStaysWarm() throws Exception {
    WorkQueue queue = new WorkQueue(10, new BatchPolicy(4, 2));
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      Future<List<WorkItem>> earlier = workers.submit(() -> queue.takeBatch(8, 0));
      awaitIdleWorkers(queue, 1);
      Future<List<WorkItem>> later = workers.submit(() -> queue.takeBatch(8, 0));
      awaitIdleWorkers(queue, 2);

      WorkItem first = interactive();
      queue.offer(List.of(first), waiting -> true);
      List<WorkItem> taken = later.get(5, TimeUnit.SECONDS);
      assertThat(taken).containsExactly(first);
      awaitIdleWorkers(queue, 1);
      assertThat(earlier).isNotDone();
      queue.batchDone(taken);

      WorkItem second = interactive();
      queue.offer(List.of(second), waiting -> true);
      assertThat(earlier.get(5, TimeUnit.SECONDS)).containsExactly(second);
    } finally {
      workers.shutdownNow();
    }
  }

  @Test
  void admitsTheTextsOfOneOfferTogetherOrNone() {
    WorkQueue queue = new WorkQueue(10, new BatchPolicy(4, 2));
    assertThat(queue.offer(List.of(interactive(), interactive()), waiting -> true)).isTrue();
    assertThat(queue.offer(List.of(interactive(), interactive()), waiting -> waiting < 2))
        .isFalse();
    assertThat(queue.size(Priority.INTERACTIVE)).isEqualTo(2);
  }

  @Test
  void refusesAnInteractiveTextThatMoreThanItsLimitWouldBeAhead() {
    WorkQueue queue = new WorkQueue(10, new BatchPolicy(4, 2));
    assertThat(queue.offer(List.of(interactive()), waiting -> waiting <= 1)).isTrue();
    assertThat(queue.offer(List.of(interactive()), waiting -> waiting <= 1)).isTrue();
    assertThat(queue.offer(List.of(interactive()), waiting -> waiting <= 1)).isFalse();
    assertThat(queue.offer(List.of(interactive()), waiting -> waiting <= 2)).isTrue();
    assertThat(queue.size(Priority.INTERACTIVE)).isEqualTo(3);
  }

  @Test
  void takesInteractiveTextsFirstAndNeverMixesThemWithBulkOnes() throws Exception {
    WorkQueue queue = new WorkQueue(10, new BatchPolicy(4, 1));
    WorkItem bulk1 = bulk();
    WorkItem bulk2 = bulk();
    WorkItem request = interactive();
    queue.put(bulk1);
    queue.put(bulk2);
    queue.offer(List.of(request), waiting -> true);

    List<WorkItem> first = queue.takeBatch(8, 0);
    assertThat(first).containsExactly(request);
    queue.batchDone(first);
    assertThat(queue.takeBatch(8, 0)).containsExactly(bulk1, bulk2);
  }

  @Test
  void keepsBulkPassesSmallOnlyWhileInteractiveTrafficIsAbout() throws Exception {
    WorkQueue queue = new WorkQueue(100, new BatchPolicy(4, 1));
    for (int i = 0; i < 40; i++) {
      queue.put(bulk());
    }
    // No request yet: bulk work gets full batches.
    List<WorkItem> full = queue.takeBatch(16, 0);
    assertThat(full).hasSize(16);
    queue.batchDone(full);

    queue.offer(List.of(interactive()), waiting -> true);
    List<WorkItem> request = queue.takeBatch(16, 0);
    assertThat(request).hasSize(1);
    queue.batchDone(request);
    // A request just arrived: bulk passes shrink so the next one waits little.
    assertThat(queue.takeBatch(16, 0)).hasSize(4);
  }

  @Test
  void keepsOneWorkerFreeOfBulkWorkWhileRequestsAreAbout() throws Exception {
    WorkQueue queue = new WorkQueue(100, new BatchPolicy(4, 2));
    for (int i = 0; i < 40; i++) {
      queue.put(bulk());
    }
    queue.offer(List.of(interactive()), waiting -> true);
    List<WorkItem> request = queue.takeBatch(8, 0);
    queue.batchDone(request);
    List<WorkItem> bulkBatch = queue.takeBatch(8, 0);
    assertThat(bulkBatch).hasSize(4).allMatch(item -> item.bulk);

    // The second worker does not take bulk work although there is plenty...
    CompletableFuture<List<WorkItem>> second = takeLater(queue, 8, 0);
    Thread.sleep(200);
    assertThat(second).isNotDone();
    // ...so the next request is taken at once.
    WorkItem next = interactive();
    queue.offer(List.of(next), waiting -> true);
    assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly(next);
    queue.batchDone(List.of(next));

    // Once requests stop for the interactive window, both workers take bulk work again.
    CompletableFuture<List<WorkItem>> later = takeLater(queue, 8, 0);
    assertThat(later.get(10, TimeUnit.SECONDS)).isNotEmpty().allMatch(item -> item.bulk);
  }

  @Test
  void closesAnInteractiveBatchAtItsMaximumSize() throws Exception {
    WorkQueue queue = new WorkQueue(10, new BatchPolicy(4, 1));
    for (int i = 0; i < 5; i++) {
      queue.offer(List.of(interactive()), waiting -> true);
    }
    List<WorkItem> first = queue.takeBatch(3, 0);
    assertThat(first).hasSize(3);
    queue.batchDone(first);
    assertThat(queue.takeBatch(3, 0)).hasSize(2);
  }

  @Test
  void waitsForMoreTextsOnlyWhileAnotherWorkerIsBusy() throws Exception {
    WorkQueue queue = new WorkQueue(10, new BatchPolicy(4, 2));
    queue.offer(List.of(interactive()), waiting -> true);
    List<WorkItem> first = queue.takeBatch(4, TimeUnit.SECONDS.toNanos(30));
    // Nobody else was computing, so the worker went at once with one text.
    assertThat(first).hasSize(1);

    queue.offer(List.of(interactive()), waiting -> true);
    CompletableFuture<List<WorkItem>> second = takeLater(queue, 2, TimeUnit.SECONDS.toNanos(30));
    // The first worker is still busy, so the second waits to fill its batch...
    Thread.sleep(200);
    assertThat(second).isNotDone();
    queue.offer(List.of(interactive()), waiting -> true);
    // ...and goes as soon as it is full.
    assertThat(second.get(10, TimeUnit.SECONDS)).hasSize(2);
  }

  @Test
  void sharesLongTextsThatArriveTogetherAmongIdleWorkersAndNeitherWaitsForCompany()
      throws Exception {
    WorkQueue queue = new WorkQueue(10, new BatchPolicy(4, 2));
    long aLongDelay = TimeUnit.SECONDS.toNanos(30);
    CompletableFuture<List<WorkItem>> first = takeLater(queue, 8, aLongDelay);
    awaitIdleWorkers(queue, 1);
    CompletableFuture<List<WorkItem>> second = takeLater(queue, 8, aLongDelay);
    awaitIdleWorkers(queue, 2);

    // One long text's four windows.
    List<WorkItem> windows = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      windows.add(WorkItems.ofLength(Priority.INTERACTIVE, 128));
    }
    queue.offer(windows, any -> true);

    // Each worker takes two at once, although the other is busy and its batch is not full.
    assertThat(first.get(5, TimeUnit.SECONDS)).hasSize(2);
    assertThat(second.get(5, TimeUnit.SECONDS)).hasSize(2);
    assertThat(queue.size(Priority.INTERACTIVE)).isZero();
  }

  @Test
  void sharesShortTextsNotAtAllSoTheirBatchesStayLarge() throws Exception {
    WorkQueue queue = new WorkQueue(10, new BatchPolicy(4, 2));
    CompletableFuture<List<WorkItem>> first = takeLater(queue, 8, 0);
    awaitIdleWorkers(queue, 1);
    CompletableFuture<List<WorkItem>> second = takeLater(queue, 8, 0);
    awaitIdleWorkers(queue, 2);

    queue.offer(List.of(interactive(), interactive(), interactive(), interactive()), any -> true);

    // The worker that went idle last takes all four; the other stays parked.
    assertThat(second.get(5, TimeUnit.SECONDS)).hasSize(4);
    awaitIdleWorkers(queue, 1);
    assertThat(first).isNotDone();
    queue.close();
  }

  @Test
  void aShareOfLongTextsIsEvenRoundedUpAndAtMostABatch() {
    assertThat(BatchPolicy.share(4, 1, 32, true)).isEqualTo(2);
    assertThat(BatchPolicy.share(5, 1, 32, true)).isEqualTo(3);
    assertThat(BatchPolicy.share(1, 1, 32, true)).isEqualTo(1);
    assertThat(BatchPolicy.share(7, 0, 32, true)).isEqualTo(7);
    assertThat(BatchPolicy.share(300, 1, 128, true)).isEqualTo(128);
    assertThat(BatchPolicy.share(9, 2, 32, true)).isEqualTo(3);
    assertThat(BatchPolicy.share(4, 1, 32, false)).isEqualTo(4);
  }

  @Test
  void longTextsAndThePartsOfALongDocumentAreSharedShortTextsAreNot() {
    WorkItem longText = WorkItems.ofLength(Priority.INTERACTIVE, BatchPolicy.SHARED_FROM_TOKENS);
    WorkItem shortText =
        WorkItems.ofLength(Priority.INTERACTIVE, BatchPolicy.SHARED_FROM_TOKENS - 1);
    WorkItem shortWindow = WorkItems.ofLength(Priority.INTERACTIVE, 20);
    shortWindow.partOfDocument = true;

    assertThat(BatchPolicy.shared(longText)).isTrue();
    assertThat(BatchPolicy.shared(shortText)).isFalse();
    assertThat(BatchPolicy.shared(shortWindow)).isTrue();
  }

  @Test
  void letsBulkProducersWaitForRoomAndDrainsAfterClose() throws Exception {
    WorkQueue queue = new WorkQueue(1, new BatchPolicy(4, 1));
    queue.put(bulk());
    CompletableFuture<Boolean> blocked =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return queue.put(bulk());
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(200);
    assertThat(blocked).isNotDone();
    List<WorkItem> taken = queue.takeBatch(1, 0);
    assertThat(taken).hasSize(1);
    queue.batchDone(taken);
    assertThat(blocked.get(10, TimeUnit.SECONDS)).isTrue();

    queue.close();
    assertThat(queue.offer(List.of(interactive()), waiting -> true)).isFalse();
    List<WorkItem> rest = queue.takeBatch(4, 0);
    assertThat(rest).hasSize(1);
    queue.batchDone(rest);
    assertThat(queue.takeBatch(4, 0)).isEmpty();
  }
}
