package dev.sentiment.batch;

/**
 * An {@code Idempotency-Key} already names a job with other content, or one whose submission is
 * still in progress; answered 409.
 */
class IdempotencyConflictException extends RuntimeException {

  IdempotencyConflictException(String message) {
    super(message);
  }
}
