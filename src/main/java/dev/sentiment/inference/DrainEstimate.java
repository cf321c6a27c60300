package dev.sentiment.inference;

import java.time.Duration;

/**
 * How fast the workers drain the queue, learnt from the passes they make: moving averages of the
 * time one pass takes and of the time one text costs within a pass. From them come how long a text
 * admitted now would take to be answered (admission refuses a text that would miss its deadline
 * anyway, so that it costs a cheap 503 instead of a wasted 408) and the {@code Retry-After} of a
 * refusal. Workers update the averages without locking: a lost update only blurs an estimate.
 */
final class DrainEstimate {

  private static final double WEIGHT = 0.1;

  private volatile double passNanos = 10_000_000;
  private volatile double textNanos = 1_000_000;

  /** Learns from one forward pass of {@code texts} texts that took {@code nanos}. */
  void add(long nanos, int texts) {
    passNanos += WEIGHT * (nanos - passNanos);
    textNanos += WEIGHT * ((double) nanos / Math.max(1, texts) - textNanos);
  }

  /**
   * How long a text admitted behind {@code waiting} others would take to be answered: the texts
   * ahead, shared by the workers, plus one pass (the one under way, or its own).
   */
  Duration answerWithin(int waiting, int workers) {
    return Duration.ofNanos((long) (passNanos + waiting * textNanos / workers));
  }

  /** When a queue of {@code waiting} texts should have drained; whole seconds, at least one. */
  Duration retryAfter(int waiting, int workers) {
    double seconds = answerWithin(waiting, workers).toNanos() / 1e9;
    return Duration.ofSeconds(Math.max(1, (long) Math.ceil(seconds)));
  }
}
