package dev.sentiment.inference;

import java.time.Duration;

/** The interactive queue is full; the caller should retry after {@link #retryAfter()}. */
public class OverloadedException extends RuntimeException {

  private final Duration retryAfter;

  OverloadedException(Duration retryAfter) {
    super("The inference queue is full");
    this.retryAfter = retryAfter;
  }

  /** An estimate of when the queue will have drained enough to accept work again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
