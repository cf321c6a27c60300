package dev.sentiment.batch;

/** An uploaded file in a format or encoding that is not supported; answered 415. */
class UnsupportedFormatException extends RuntimeException {

  UnsupportedFormatException(String message) {
    super(message);
  }
}
