package dev.sentiment.inference;

import java.time.Duration;

/**
 * How fast the workers drain the queue, learnt from the batches they compute: moving averages of
 * the time one batch takes (one forward pass, or one per length group for a model that pays for
 * padding) and of the time one text costs within a batch. From them come how long a text admitted
 * now would take to be answered (admission refuses a text that would miss its deadline anyway, so
 * that it costs a cheap 503 instead of a wasted 408) and the {@code Retry-After} of a refusal.
 * Workers update the averages without locking: a lost update only blurs an estimate.
 *
 * <p>The cost of a text is learnt only from batches of at least half the maximum: a long queue is
 * drained in full batches, and the cost of a text alone (several times its cost in a batch) would
 * make admission refuse at the start of every burst. The engine's warm-up runs full batches, so the
 * estimate is realistic before the first request.
 */
final class DrainEstimate {

  private static final double WEIGHT = 0.1;

  private final int fullBatch;
  private volatile double batchNanos = 10_000_000;
  private volatile double textNanos = 1_000_000;

  DrainEstimate(int fullBatch) {
    this.fullBatch = fullBatch;
  }

  /** Learns from one batch of {@code texts} texts that took {@code nanos}. */
  void add(long nanos, int texts) {
    batchNanos += WEIGHT * (nanos - batchNanos);
    if (texts * 2 >= fullBatch) {
      textNanos += WEIGHT * ((double) nanos / texts - textNanos);
    }
  }

  /**
   * How long a text admitted behind {@code waiting} others would take to be answered: the texts
   * ahead, shared by the workers, plus one batch (the one under way, or its own).
   */
  Duration answerWithin(int waiting, int workers) {
    return Duration.ofNanos((long) (batchNanos + waiting * textNanos / workers));
  }

  /**
   * The most texts a new one may wait behind and still be answered within {@code deadline}, the
   * inverse of {@link #answerWithin}. Unbounded when even one batch takes longer: such a deadline
   * cannot be met however short the queue, so the queue is not what refuses it.
   */
  int mostAheadWithin(Duration deadline, int workers) {
    double spare = deadline.toNanos() - batchNanos;
    if (spare < 0) {
      return Integer.MAX_VALUE;
    }
    return (int) Math.min(Integer.MAX_VALUE, Math.floor(spare * workers / textNanos));
  }

  /** When a queue of {@code waiting} texts should have drained; whole seconds, at least one. */
  Duration retryAfter(int waiting, int workers) {
    double seconds = answerWithin(waiting, workers).toNanos() / 1e9;
    return Duration.ofSeconds(Math.max(1, (long) Math.ceil(seconds)));
  }
}
