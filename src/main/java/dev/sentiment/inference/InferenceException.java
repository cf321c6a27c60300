package dev.sentiment.inference;

/** The forward pass failed for this text; the message is safe to show to a client. */
public class InferenceException extends RuntimeException {

  InferenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
