package dev.sentiment.inference;

/**
 * A moving average of forward-pass durations, for the {@code Retry-After} estimate. Workers update
 * it without locking: a lost update only blurs an estimate that is rounded to seconds anyway.
 */
final class PassTimeAverage {

  private static final double WEIGHT = 0.1;
  private static final double INITIAL_NANOS = 10_000_000;

  private volatile double nanos = INITIAL_NANOS;

  void add(long passNanos) {
    nanos += WEIGHT * (passNanos - nanos);
  }

  double nanos() {
    return nanos;
  }
}
