package dev.sentiment.inference;

import java.time.Duration;

/**
 * The engine is at capacity: the interactive queue is full, or the texts in it would keep a new one
 * past its deadline. The caller should retry after {@link #retryAfter()}.
 */
public class OverloadedException extends RuntimeException {

  private final Duration retryAfter;

  OverloadedException(Duration retryAfter) {
    super("The inference engine is at capacity");
    this.retryAfter = retryAfter;
  }

  /** An estimate of when the queue will have drained enough to accept work again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
