package dev.sentiment.inference;

import dev.sentiment.inference.InferenceProperties.SelfTestCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before the engine declares itself ready: a warm-up over the shapes the model will meet (so
 * the first real requests do not pay for lazy initialisation) and a self-test on known sentences
 * (so a wrong or broken model never takes traffic). Both go through the real queue and workers.
 */
final class ModelCheck {

  private static final Logger log = LoggerFactory.getLogger(ModelCheck.class);
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final Submit admission;
  private final ModelInfo info;
  private final InferenceProperties properties;

  ModelCheck(Submit admission, ModelInfo info, InferenceProperties properties) {
    this.admission = admission;
    this.info = info;
    this.properties = properties;
  }

  void warmUpAndSelfTest() throws SelfTestFailure {
    for (int round = 0; round < properties.warmupRounds(); round++) {
      List<CompletableFuture<Prediction>> pending = new ArrayList<>();
      int texts =
          Math.min(
              properties.queueCapacity(),
              properties.maxBatchSize() * properties.effectiveWorkers());
      for (int i = 0; i < texts; i++) {
        // Lengths spread from a few words to past the maximum, so truncation is exercised too.
        int words = 1 + (int) ((long) i * info.maxLength() / Math.max(1, texts - 1));
        pending.add(
            admission.admit("good ".repeat(words), Deadline.in(TIMEOUT), Priority.INTERACTIVE));
      }
      for (CompletableFuture<Prediction> future : pending) {
        await(future, "warm-up");
      }
    }
    for (SelfTestCase check : properties.selfTest()) {
      if (!info.labels().contains(check.label())) {
        // Expected, not a fault: the default cases cover three labels, a binary model has two.
        log.info("Self-test case skipped: the model has no label {}", check.label());
        continue;
      }
      Prediction prediction =
          await(
              admission.admit(check.text(), Deadline.in(TIMEOUT), Priority.INTERACTIVE),
              "self-test");
      if (!prediction.label().equals(check.label())) {
        throw new SelfTestFailure(
            "self-test expected "
                + check.label()
                + " for \""
                + check.text()
                + "\" but got "
                + prediction.label());
      }
    }
  }

  private static Prediction await(CompletableFuture<Prediction> future, String stage)
      throws SelfTestFailure {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new SelfTestFailure(stage + " inference failed: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SelfTestFailure(stage + " was interrupted");
    }
  }

  /** Admission as the check uses it, bypassing the readiness gate it is there to open. */
  @FunctionalInterface
  interface Submit {
    CompletableFuture<Prediction> admit(String text, Deadline deadline, Priority priority);
  }

  /** The check as the engine's lifecycle runs it once the model is loaded. */
  @FunctionalInterface
  interface Runner {
    void run(ModelInfo info) throws SelfTestFailure;
  }

  /** The model gave a wrong answer, or none, on a sentence it must get right. */
  static final class SelfTestFailure extends Exception {
    SelfTestFailure(String message) {
      super(message);
    }
  }
}
