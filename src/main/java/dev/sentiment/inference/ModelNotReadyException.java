package dev.sentiment.inference;

/** The model is still loading, warming up or failed its self-test; no inference is possible yet. */
public class ModelNotReadyException extends RuntimeException {

  ModelNotReadyException(String message) {
    super(message);
  }
}
