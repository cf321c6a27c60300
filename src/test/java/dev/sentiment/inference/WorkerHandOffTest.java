package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that sends its next request the moment it has its answer (one client at a time, as in
 * the benchmark) must not find the worker that answered it still counted as computing: the worker
 * taking the next request would wait the batch delay for company. The delay here is four seconds so
 * that such a wait cannot pass unnoticed.
 */
class WorkerHandOffTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static InferenceEngine engine;

  @BeforeAll
  static void start() {
    engine =
        TestEngines.start(
            new InferenceProperties(
                TestEngines.BUILT_IN,
                2,
                1,
                1,
                8,
                Duration.ofSeconds(4),
                16,
                1024,
                8,
                false,
                1,
                null,
                64,
                0));
  }

  @AfterAll
  static void stop() {
    engine.stop();
  }

  @Test
  void aRequestSentFromTheAnswerOfTheLastIsNotHeldForTheBatchDelay() throws Exception {
    CompletableFuture<String> answeredOn = new CompletableFuture<>();
    CompletableFuture<Prediction> next = new CompletableFuture<>();
    engine
        .classify("a fine and moving film", Deadline.in(TIMEOUT), Priority.INTERACTIVE)
        .thenRun(
            () -> {
              answeredOn.complete(Thread.currentThread().getName());
              engine
                  .classify("a dull and tired film", Deadline.in(TIMEOUT), Priority.INTERACTIVE)
                  .whenComplete(
                      (prediction, failure) -> {
                        if (failure != null) {
                          next.completeExceptionally(failure);
                        } else {
                          next.complete(prediction);
                        }
                      });
            });

    // The next request was sent from the worker's own completion, as a fast client's would be.
    assertThat(answeredOn.get(30, TimeUnit.SECONDS)).isNotEqualTo(Thread.currentThread().getName());
    assertThat(next.get(2, TimeUnit.SECONDS).label()).isEqualTo("NEGATIVE");
  }
}
