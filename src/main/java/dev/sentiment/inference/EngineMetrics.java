package dev.sentiment.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The engine's meters; names are Micrometer dot.case, exported as {@code sentiment_*}. */
final class EngineMetrics {

  private final MeterRegistry registry;
  private final Timer queueWait;
  private final Timer inference;
  private final DistributionSummary batchSize;
  private final DistributionSummary inputTokens;
  private final Counter truncations;
  private final Counter skippedExpired;
  private final Counter skippedCancelled;
  private final Counter failures;
  private final Map<String, Counter> predictions = new ConcurrentHashMap<>();

  EngineMetrics(MeterRegistry registry, WorkQueue queue, int maxBatchSize) {
    this.registry = registry;
    queueWait =
        Timer.builder("sentiment.queue.wait")
            .description("Time from admission to the start of the text's forward pass")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
    inference =
        Timer.builder("sentiment.inference")
            .description("Duration of one batched forward pass")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
    batchSize =
        DistributionSummary.builder("sentiment.batch.size")
            .description("Texts per forward pass")
            .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256)
            .maximumExpectedValue((double) Math.max(maxBatchSize, 1))
            .register(registry);
    inputTokens =
        DistributionSummary.builder("sentiment.input.tokens")
            .description("Tokens per input text after truncation, special tokens included")
            .baseUnit("tokens")
            .serviceLevelObjectives(8, 16, 32, 64, 128, 256, 512)
            .register(registry);
    truncations =
        Counter.builder("sentiment.input.truncations")
            .description("Input texts longer than the model's maximum length, cut to fit")
            .register(registry);
    skippedExpired = skipped("expired");
    skippedCancelled = skipped("cancelled");
    failures =
        Counter.builder("sentiment.inference.failures")
            .description("Texts whose forward pass failed")
            .register(registry);
    for (Priority priority : Priority.values()) {
      Gauge.builder("sentiment.queue.size", queue, q -> q.size(priority))
          .description("Texts waiting for a forward pass")
          .tag("priority", priority.name().toLowerCase())
          .register(registry);
    }
  }

  private Counter skipped(String reason) {
    return Counter.builder("sentiment.work.skipped")
        .description("Admitted texts never computed because their deadline passed or caller left")
        .tag("reason", reason)
        .register(registry);
  }

  void admitted(EncodedText text) {
    inputTokens.record(text.length());
    if (text.truncated()) {
      truncations.increment();
    }
  }

  /** One text read in windows: each window's tokens, and one truncation if it was cut. */
  void admitted(DocumentReader.Document document) {
    for (EncodedText window : document.windows()) {
      inputTokens.record(window.length());
    }
    if (document.truncated()) {
      truncations.increment();
    }
  }

  void waited(long nanos) {
    queueWait.record(nanos, TimeUnit.NANOSECONDS);
  }

  void pass(int texts, long nanos) {
    batchSize.record(texts);
    inference.record(nanos, TimeUnit.NANOSECONDS);
  }

  void skippedExpired() {
    skippedExpired.increment();
  }

  void skippedCancelled() {
    skippedCancelled.increment();
  }

  void failed() {
    failures.increment();
  }

  void predicted(String label) {
    predictions
        .computeIfAbsent(
            label,
            l ->
                Counter.builder("sentiment.predictions")
                    .description("Answers by predicted label, a drift signal")
                    .tag("label", l)
                    .register(registry))
        .increment();
  }
}
