package dev.sentiment.batch;

/** A submission has more items than {@code sentiment.batch.max-items}; answered 413. */
class TooManyItemsException extends RuntimeException {

  TooManyItemsException(int max) {
    super("A job may have at most " + max + " items");
  }
}
