package dev.sentiment.inference;

import java.time.Duration;

/** The engine's failures, for tests of the layers above it. */
public final class EngineFailures {

  private EngineFailures() {}

  public static OverloadedException overloaded(Duration retryAfter) {
    return new OverloadedException(retryAfter);
  }

  public static ModelNotReadyException notReady() {
    return new ModelNotReadyException("The model is still loading");
  }

  public static UnreadableTextException unreadable() {
    return new UnreadableTextException();
  }

  public static DeadlineExceededException deadlineExceeded() {
    return new DeadlineExceededException();
  }

  public static InferenceException inference() {
    return new InferenceException(
        "The model failed to process this text", new IllegalStateException("native failure"));
  }
}
