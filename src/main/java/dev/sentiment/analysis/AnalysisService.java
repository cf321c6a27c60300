package dev.sentiment.analysis;

import dev.sentiment.inference.InferenceEngine;
import dev.sentiment.inference.ModelInfo;
import dev.sentiment.inference.Prediction;
import dev.sentiment.inference.Priority;
import dev.sentiment.system.InvalidInputException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;

/** Classifies one text within its deadline. */
@Service
class AnalysisService {

  private final InferenceEngine engine;
  private final AnalysisProperties properties;

  AnalysisService(InferenceEngine engine, AnalysisProperties properties) {
    this.engine = engine;
    this.properties = properties;
  }

  /**
   * The answer, or a future failed with the engine's exceptions or a {@link TimeoutException} when
   * the deadline, counted from the request's arrival ({@link System#nanoTime()}), passes first.
   * Cancelling the returned future withdraws the text from the queue.
   */
  CompletableFuture<AnalyzeResponse> analyze(String text, String timeoutMs, long arrivedNanos) {
    Duration timeout = deadline(timeoutMs).minusNanos(System.nanoTime() - arrivedNanos);
    if (timeout.isNegative() || timeout.isZero()) {
      // Reading and parsing took the whole deadline: no text is queued that cannot be answered.
      return CompletableFuture.failedFuture(new TimeoutException());
    }
    CompletableFuture<Prediction> work =
        engine
            .classify(text, timeout, Priority.INTERACTIVE)
            .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    String model = engine.model().map(ModelInfo::name).orElse("");
    CompletableFuture<AnalyzeResponse> answer =
        work.thenApply(prediction -> AnalyzeResponse.of(prediction, model));
    answer.whenComplete(
        (result, error) -> {
          if (answer.isCancelled()) {
            work.cancel(false);
          }
        });
    return answer;
  }

  /** The server's deadline, or the client's shorter one; an empty or odd value is an error. */
  private Duration deadline(String timeoutMs) {
    if (timeoutMs == null) {
      return properties.timeout();
    }
    long max = properties.timeout().toMillis();
    long requested = -1;
    // ASCII digits only: Long.parseLong would also take other scripts' digits, such as '１００'.
    if (!timeoutMs.isEmpty()
        && timeoutMs.length() <= 18
        && timeoutMs.chars().allMatch(c -> c >= '0' && c <= '9')) {
      requested = Long.parseLong(timeoutMs);
    }
    if (requested < 1 || requested > max) {
      throw new InvalidInputException("'timeout_ms' must be an integer between 1 and " + max);
    }
    return Duration.ofMillis(requested);
  }
}
