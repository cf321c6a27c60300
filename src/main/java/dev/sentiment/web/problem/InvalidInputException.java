package dev.sentiment.web.problem;

/** A request a client must fix; answered 400 with this message, which must be safe to show. */
public class InvalidInputException extends RuntimeException {

  /** Creates the exception with a client-facing message. */
  public InvalidInputException(String message) {
    super(message);
  }
}
