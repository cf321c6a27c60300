package dev.sentiment.inference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Starts real engines on the built-in model, outside Spring, for the inference tests. */
final class TestEngines {

  static final String BUILT_IN = "classpath:models/sentiment-en-sst2";

  private TestEngines() {}

  static InferenceProperties properties(int workers, int maxBatchSize, int queueCapacity) {
    return InferenceProperties.forModel(BUILT_IN, workers, maxBatchSize, queueCapacity, 1);
  }

  /** Runs one worker over what {@code queue} holds until it is closed and drained. */
  static void runWorker(
      WorkQueue queue,
      TorchScriptModel model,
      InferenceProperties properties,
      ModelInfo info,
      MeterRegistry registry) {
    new InferenceWorker(
            queue,
            model,
            properties,
            info,
            new EngineMetrics(registry, queue, properties.maxBatchSize()),
            new DrainEstimate(properties.maxBatchSize()),
            new PassCost())
        .run();
  }

  static InferenceEngine start(InferenceProperties properties) {
    return start(properties, new SimpleMeterRegistry());
  }

  static InferenceEngine start(InferenceProperties properties, MeterRegistry registry) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(properties.effectiveWorkers());
    executor.setDaemon(true);
    executor.initialize();
    InferenceEngine engine =
        new InferenceEngine(properties, new DefaultResourceLoader(), executor, registry);
    engine.start();
    boolean ready;
    try {
      ready = engine.awaitSettled(Duration.ofMinutes(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (!ready) {
      throw new IllegalStateException(engine.notReadyReason());
    }
    return engine;
  }
}
