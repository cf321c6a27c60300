package dev.sentiment.inference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the inference engine ({@code sentiment.inference.*}).
 *
 * @param modelDir the model directory ({@code model.pt}, {@code tokenizer.json}, {@code
 *     config.json}); a file-system path or {@code classpath:} location. Default: the built-in
 *     model.
 * @param workers inference workers, each with its own predictor; 0 means one per available core
 * @param intraOpThreads libtorch threads inside one forward pass (per worker)
 * @param interOpThreads libtorch threads running independent operators in parallel
 * @param maxBatchSize the most texts in one forward pass; 1 switches batching off
 * @param maxBatchDelay how long a worker waits for a batch to fill while another worker is busy
 * @param queueCapacity texts from {@code /analyze} that may wait; beyond it requests are rejected
 * @param bulkQueueCapacity texts from batch jobs that may wait; producers block beyond it
 * @param bulkBatchWhileInteractive the most bulk texts in one pass while {@code /analyze} traffic
 *     is about (an interactive text arrived within the last second), so a request never waits long
 *     behind batch work
 * @param graphOptimizer whether TorchScript's profiling graph executor optimises the model
 * @param warmupRounds forward passes over a range of shapes before the model is declared ready
 * @param selfTest known sentences and the labels they must get before the model is declared ready;
 *     a case whose label the model does not have is skipped. Default: one clear positive, one clear
 *     negative and one plain factual (NEUTRAL) English sentence; the neutral one is skipped for a
 *     binary model such as {@code models/sentiment-en-sst2}.
 * @param maxWindows the hard cap: the most windows read of one text (128 windows of 64 tokens for
 *     the built-in model, about 6,000 English words); the rest of a longer text is not read, and
 *     its answer says {@code truncated}
 * @param windowTokens the most tokens of one window of a text longer than the model's maximum
 *     length, special tokens included (at most that maximum; 0 means the maximum itself). A text
 *     that fits the model is always read whole. Default 64: on the built-in recurrent model, whose
 *     pass is sequential in its length, a 300-word review is answered in about three quarters of
 *     the time it takes at 128, equally accurate on assembled reviews (docs/long-texts.md)
 */
@Validated
@ConfigurationProperties("sentiment.inference")
public record InferenceProperties(
    @DefaultValue("classpath:models/sentiment-en") @NotBlank String modelDir,
    @DefaultValue("0") @Min(0) int workers,
    @DefaultValue("1") @Min(1) int intraOpThreads,
    @DefaultValue("1") @Min(1) int interOpThreads,
    @DefaultValue("32") @Min(1) int maxBatchSize,
    @DefaultValue("2ms") @NotNull Duration maxBatchDelay,
    @DefaultValue("1024") @Min(1) int queueCapacity,
    @DefaultValue("1024") @Min(1) int bulkQueueCapacity,
    @DefaultValue("8") @Min(1) int bulkBatchWhileInteractive,
    @DefaultValue("false") boolean graphOptimizer,
    @DefaultValue("3") @Min(0) int warmupRounds,
    List<@Valid SelfTestCase> selfTest,
    @DefaultValue("128") @Min(1) int maxWindows,
    @DefaultValue("64") @Min(0) int windowTokens) {

  /** Applies the defaults that annotations cannot express. */
  public InferenceProperties {
    if (selfTest == null) {
      selfTest =
          List.of(
              new SelfTestCase("I loved this movie, it was wonderful.", "POSITIVE"),
              new SelfTestCase("A terrible, boring waste of time.", "NEGATIVE"),
              new SelfTestCase("The train leaves at 9:15 from platform 4.", "NEUTRAL"));
    }
  }

  /**
   * One self-test sentence.
   *
   * @param text the sentence
   * @param label the label the model must give it
   */
  public record SelfTestCase(@NotBlank String text, @NotBlank String label) {}

  /**
   * Settings for code that runs the engine outside Spring (the evaluation command, benchmarks,
   * tests): the documented defaults, but for the few values such code chooses.
   */
  static InferenceProperties forModel(
      String modelDir, int workers, int maxBatchSize, int queueCapacity, int warmupRounds) {
    return new InferenceProperties(
        modelDir,
        workers,
        1,
        1,
        maxBatchSize,
        Duration.ofMillis(2),
        queueCapacity,
        1024,
        8,
        false,
        warmupRounds,
        null,
        128,
        64);
  }

  /** The worker count after resolving 0 to the number of available cores. */
  public int effectiveWorkers() {
    return workers > 0 ? workers : Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
