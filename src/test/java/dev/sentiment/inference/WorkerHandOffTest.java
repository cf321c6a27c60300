package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that sends its next request the moment it has its answer (one client at a time, as in
 * the benchmark) must not find the worker that answered it still counted as computing: the worker
 * taking the next request would wait the batch delay for company. The delay here is four seconds so
 * that such a wait cannot pass unnoticed.
 *
 * <p>Two gates make the order of events the test's, not the scheduler's. The next request must be
 * sent from inside the worker's completion of the first answer, so the continuation has to be
 * attached before that answer exists (on a busy machine the answer could be ready before {@code
 * thenRun} is attached, and the continuation would run on the caller): the worker is held at the
 * predictions counter it increments just before completing the answer until the continuation is
 * attached. And the other worker must take the next request while the answering one is still in
 * that completion, which is when a worker still counted as computing would make it wait: the
 * continuation returns only once the next request has left the queue.
 */
class WorkerHandOffTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final CountDownLatch continuationAttached = new CountDownLatch(1);
  private static InferenceEngine engine;

  /**
   * Holds the worker that counts the first real prediction (the engine's own warm-up and self-test
   * texts are not counted) until the test opens the gate; later predictions pass.
   */
  private static final class GatedRegistry extends SimpleMeterRegistry {
    @Override
    protected Counter newCounter(Meter.Id id) {
      Counter counter = super.newCounter(id);
      if (!id.getName().equals("sentiment.predictions")) {
        return counter;
      }
      return new Counter() {
        @Override
        public void increment(double amount) {
          try {
            continuationAttached.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          counter.increment(amount);
        }

        @Override
        public double count() {
          return counter.count();
        }

        @Override
        public Meter.Id getId() {
          return counter.getId();
        }
      };
    }
  }

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
                128,
                64),
            new GatedRegistry());
  }

  @AfterAll
  static void stop() {
    continuationAttached.countDown();
    engine.stop();
  }

  /** Waits, bounded, until no interactive text is queued: the other worker has taken it. */
  private static void awaitTaken() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (engine.waiting(Priority.INTERACTIVE) > 0 && System.nanoTime() - deadline < 0) {
      Thread.onSpinWait();
    }
  }

  @Test
  void aRequestSentFromTheAnswerOfTheLastIsNotHeldForTheBatchDelay() throws Exception {
    CompletableFuture<String> answeredOn = new CompletableFuture<>();
    CompletableFuture<Prediction> next = new CompletableFuture<>();
    CompletableFuture<Prediction> first =
        engine.classify("a fine and moving film", Deadline.in(TIMEOUT), Priority.INTERACTIVE);
    assertThat(first).as("the gate holds the first answer").isNotDone();
    first.thenRun(
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
          awaitTaken();
        });
    continuationAttached.countDown();

    // The next request was sent from the worker's own completion, as a fast client's would be.
    assertThat(answeredOn.get(30, TimeUnit.SECONDS)).isNotEqualTo(Thread.currentThread().getName());
    // Half the batch delay: a next request held for company would take four seconds.
    assertThat(next.get(2, TimeUnit.SECONDS).label()).isEqualTo("NEGATIVE");
  }
}
