package dev.sentiment.inference;

/** Where the engine is in its life, and what a client is told about it. */
enum EngineState {
  STOPPED("The model is not loaded"),
  LOADING("The model is still loading"),
  WARMING("The model is warming up"),
  READY(""),
  FAILED("The model failed to load; the service log says why");

  private final String reason;

  EngineState(String reason) {
    this.reason = reason;
  }

  /** Why no text is accepted in this state; safe to show to a client. */
  String reason() {
    return reason;
  }

  /** Whether loading has come to an end, well or badly. */
  boolean settled() {
    return this == READY || this == FAILED || this == STOPPED;
  }
}
