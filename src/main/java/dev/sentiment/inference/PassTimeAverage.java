package dev.sentiment.inference;

import java.time.Duration;

/**
 * A moving average of forward-pass durations, and the {@code Retry-After} estimate made from it.
 * Workers update it without locking: a lost update only blurs an estimate that is rounded to
 * seconds anyway.
 */
final class PassTimeAverage {

  private static final double WEIGHT = 0.1;
  private static final double INITIAL_NANOS = 10_000_000;

  private volatile double nanos = INITIAL_NANOS;

  void add(long passNanos) {
    nanos += WEIGHT * (passNanos - nanos);
  }

  /**
   * When a queue of {@code waiting} texts should have drained: the passes it takes, plus the one
   * under way, times the average pass, shared by the workers; whole seconds, at least one.
   */
  Duration retryAfter(int waiting, int maxBatchSize, int workers) {
    double passes = Math.ceil((double) waiting / maxBatchSize) + 1;
    double seconds = passes * nanos / workers / 1e9;
    return Duration.ofSeconds(Math.max(1, (long) Math.ceil(seconds)));
  }
}
