package dev.sentiment.analysis;

/** A request sent more texts than {@code sentiment.analysis.max-texts}; answered 413. */
class TooManyTextsException extends RuntimeException {

  TooManyTextsException(int sent, int max) {
    super("'texts' holds " + sent + " texts; at most " + max + " are taken in one request");
  }
}
