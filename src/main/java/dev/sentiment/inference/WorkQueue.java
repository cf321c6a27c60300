package dev.sentiment.inference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;

/**
 * Two lanes of texts waiting for the workers, and the workers' hand-off: interactive texts are
 * admitted at once or refused (by the {@link Admission} rule, applied under this queue's lock),
 * bulk producers wait for room instead. What a batch holds is {@link BatchPolicy}'s decision.
 *
 * <p>A new text wakes the worker that went idle last, not the one idle longest: at low load one
 * worker then serves every request with its caches and its libtorch state warm (alternating between
 * two workers added half a millisecond to a lone request's answer). Long texts, and the parts of a
 * text read in several, that arrive while other workers are idle are shared out among them ({@link
 * BatchPolicy#share}), so a long document's windows are computed on several cores at once.
 */
final class WorkQueue {

  private final ReentrantLock lock = new ReentrantLock();
  // Each worker thread waits on a condition of its own, so the most recently idle one is woken.
  private final ThreadLocal<Condition> ownCondition = ThreadLocal.withInitial(lock::newCondition);
  private final ArrayDeque<Condition> idle = new ArrayDeque<>();
  private final Condition bulkRoom = lock.newCondition();
  private final ArrayDeque<WorkItem> interactive = new ArrayDeque<>();
  private final ArrayDeque<WorkItem> bulk = new ArrayDeque<>();
  private final int bulkCapacity;
  private final BatchPolicy policy;
  private int bulkWorkers;
  private long lastInteractiveNanos = System.nanoTime() - BatchPolicy.INTERACTIVE_WINDOW_NANOS;
  private int busyWorkers;
  // Texts left in the interactive lane for the workers a share was made for: whoever takes them
  // goes at once, since waiting for company would only delay the share.
  private int handedOff;
  private boolean closed;

  WorkQueue(int bulkCapacity, BatchPolicy policy) {
    this.bulkCapacity = bulkCapacity;
    this.policy = policy;
  }

  /**
   * Admits interactive texts together, or none of them, returning false at once if the queue is
   * closed or {@code admits} refuses the number already waiting.
   */
  boolean offer(List<WorkItem> items, IntPredicate admits) {
    lock.lock();
    try {
      if (closed || !admits.test(interactive.size())) {
        return false;
      }
      interactive.addAll(items);
      lastInteractiveNanos = System.nanoTime();
      wakeOne();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Admits a bulk text, waiting for room; returns false if the queue closed meanwhile. */
  boolean put(WorkItem item) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!closed && bulk.size() >= bulkCapacity) {
        bulkRoom.await();
      }
      if (closed) {
        return false;
      }
      bulk.addLast(item);
      wakeOne();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next batch, at most {@code maxSize} texts; blocks until there is one. Returns an empty list
   * once the queue is closed and drained. Every non-empty batch must be followed by {@link
   * #batchDone(List)}.
   */
  List<WorkItem> takeBatch(int maxSize, long maxDelayNanos) throws InterruptedException {
    List<WorkItem> batch = new ArrayList<>(maxSize);
    lock.lockInterruptibly();
    try {
      while (true) {
        if (!interactive.isEmpty()) {
          fillInteractive(batch, maxSize, maxDelayNanos);
          break;
        }
        long sinceInteractive = System.nanoTime() - lastInteractiveNanos;
        boolean reserved = !closed && policy.keepFreeForInteractive(sinceInteractive, bulkWorkers);
        if (!bulk.isEmpty() && !reserved) {
          drainBulk(batch, policy.bulkLimit(maxSize, sinceInteractive));
          bulkWorkers++;
          break;
        }
        if (bulk.isEmpty() && closed) {
          return batch;
        }
        if (reserved && !bulk.isEmpty()) {
          // Kept free for requests while they are about; takes bulk work again when they stop.
          awaitWork(BatchPolicy.INTERACTIVE_WINDOW_NANOS - sinceInteractive);
        } else {
          awaitWork(-1);
        }
      }
      busyWorkers++;
      if (!interactive.isEmpty() || !bulk.isEmpty()) {
        wakeOne();
      }
      return batch;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Interactive texts: this worker's share while others are idle, else up to a full batch, waiting
   * for more only while another worker is busy anyway.
   */
  private void fillInteractive(List<WorkItem> batch, int maxSize, long maxDelayNanos)
      throws InterruptedException {
    int waiting = interactive.size();
    int share =
        BatchPolicy.share(
            waiting, idle.size(), maxSize, BatchPolicy.shared(interactive.peekFirst()));
    boolean shared = share < Math.min(waiting, maxSize) || handedOff > 0;
    drainInteractive(batch, share);
    handedOff = interactive.size() > 0 && share < waiting ? interactive.size() : 0;
    if (shared) {
      return;
    }
    long waitUntil = System.nanoTime() + maxDelayNanos;
    while (BatchPolicy.waitForCompany(batch.size(), maxSize, busyWorkers) && !closed) {
      long remaining = waitUntil - System.nanoTime();
      if (remaining <= 0) {
        break;
      }
      awaitWork(remaining);
      drainInteractive(batch, maxSize);
    }
  }

  private void drainInteractive(List<WorkItem> batch, int maxSize) {
    SimilarLengths.take(interactive, maxSize - batch.size(), batch);
  }

  private void drainBulk(List<WorkItem> batch, int limit) {
    SimilarLengths.take(bulk, limit - batch.size(), batch);
    bulkRoom.signalAll();
  }

  /** Waits, holding the lock, until woken or {@code nanos} pass (negative: no limit). */
  private void awaitWork(long nanos) throws InterruptedException {
    Condition own = ownCondition.get();
    idle.addFirst(own);
    try {
      if (nanos < 0) {
        own.await();
      } else {
        own.awaitNanos(nanos);
      }
    } finally {
      idle.remove(own);
    }
  }

  /** Wakes the worker that started waiting last. */
  private void wakeOne() {
    Condition latest = idle.pollFirst();
    if (latest != null) {
      latest.signal();
    }
  }

  private void wakeAll() {
    for (Condition waiting = idle.pollFirst(); waiting != null; waiting = idle.pollFirst()) {
      waiting.signal();
    }
  }

  void batchDone(List<WorkItem> batch) {
    lock.lock();
    try {
      busyWorkers--;
      if (!batch.isEmpty() && batch.get(0).bulk) {
        bulkWorkers--;
        wakeAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Stops admitting; workers still drain what was admitted. */
  void close() {
    lock.lock();
    try {
      closed = true;
      wakeAll();
      bulkRoom.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Admits texts again after {@link #close()}, for an engine that is started again. */
  void reopen() {
    lock.lock();
    try {
      closed = false;
    } finally {
      lock.unlock();
    }
  }

  /** Workers waiting for texts, for tests that must know a worker is parked. */
  int idleWorkers() {
    lock.lock();
    try {
      return idle.size();
    } finally {
      lock.unlock();
    }
  }

  int size(Priority priority) {
    lock.lock();
    try {
      return priority == Priority.INTERACTIVE ? interactive.size() : bulk.size();
    } finally {
      lock.unlock();
    }
  }
}
