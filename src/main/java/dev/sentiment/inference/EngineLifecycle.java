package dev.sentiment.inference;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;

/**
 * Loading and readiness: loads the model in the background when started, so liveness is answered at
 * once; starts the workers on it; declares it ready only after a warm-up and a self-test on known
 * sentences; on stop, lets the workers finish every admitted text before releasing the model. A
 * stopped engine may be started again: each start is a generation, and a load that finishes after a
 * newer start or a stop is discarded.
 */
final class EngineLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EngineLifecycle.class);

  private final InferenceProperties properties;
  private final ResourceLoader resources;
  private final int workers;
  private volatile EngineState state = EngineState.STOPPED;
  private volatile LoadedModel loaded;
  private int generation;

  EngineLifecycle(InferenceProperties properties, ResourceLoader resources, int workers) {
    this.properties = properties;
    this.resources = resources;
    this.workers = workers;
  }

  /** The model loaded now, or null. */
  LoadedModel loaded() {
    return loaded;
  }

  EngineState state() {
    return state;
  }

  /**
   * Loads the model on a thread of its own; once loaded, runs {@code startWorkers} on it, then
   * {@code check} (warm-up and self-test), and becomes ready if it passes.
   */
  synchronized void start(Consumer<LoadedModel> startWorkers, ModelCheck.Runner check) {
    if (state != EngineState.STOPPED) {
      return;
    }
    int current = ++generation;
    state = EngineState.LOADING;
    TorchScriptModel.configureRuntime(properties);
    Thread loader = new Thread(() -> load(current, startWorkers, check), "model-loader");
    loader.setDaemon(true);
    loader.start();
  }

  private void load(int current, Consumer<LoadedModel> startWorkers, ModelCheck.Runner check) {
    try {
      LoadedModel candidate = LoadedModel.load(properties, resources, workers);
      synchronized (this) {
        if (current != generation) {
          candidate.close();
          return;
        }
        loaded = candidate;
        startWorkers.accept(candidate);
        state = EngineState.WARMING;
      }
      ModelInfo info = candidate.info;
      log.info("Loaded model {} {} with labels {}", info.name(), info.version(), info.labels());
      check.run(info);
      becomeIf(current, EngineState.READY);
      log.info("Model {} is ready", info.name());
    } catch (IOException | ModelCheck.SelfTestFailure | RuntimeException e) {
      if (becomeIf(current, EngineState.FAILED)) {
        log.error("The model could not be made ready: {}", e.getMessage(), e);
      }
    }
  }

  private synchronized boolean becomeIf(int current, EngineState next) {
    if (current == generation) {
      state = next;
      return true;
    }
    return false;
  }

  /**
   * Marks the engine stopped and returns what was loaded, for the caller to close the queue first;
   * then {@link #release} waits for its workers.
   */
  synchronized LoadedModel stop() {
    generation++;
    state = EngineState.STOPPED;
    LoadedModel stopping = loaded;
    loaded = null;
    return stopping;
  }

  /** Waits for the workers on {@code stopping} to drain the queue, then frees the model. */
  static void release(LoadedModel stopping) {
    if (stopping == null) {
      return;
    }
    try {
      if (!stopping.awaitWorkers(30, TimeUnit.SECONDS)) {
        log.warn("Inference workers did not finish within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopping.close();
  }

  /** Waits until loading has ended, well or badly; true if the engine is ready. */
  boolean awaitSettled(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!state.settled() && System.nanoTime() - deadline < 0) {
      Thread.sleep(20);
    }
    return state == EngineState.READY;
  }
}
