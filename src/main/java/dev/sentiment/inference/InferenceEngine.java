package dev.sentiment.inference;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Classifies texts with the configured model. Texts are tokenized on the caller's thread, admitted
 * into a bounded {@link WorkQueue} and computed in batches by workers on a dedicated {@link
 * ThreadPoolTaskExecutor}; the caller gets a {@link CompletableFuture} at once. Admission never
 * blocks an interactive caller: a full queue, or one that would keep a text past its deadline, is
 * an immediately failed future.
 *
 * <p>The model loads in the background when the application starts, so liveness is answered at
 * once; {@link #ready()} turns true only after a warm-up and a self-test on known sentences.
 */
public class InferenceEngine implements SmartLifecycle {

  /** Stops after the web server has finished its in-flight requests, so they get answers. */
  public static final int PHASE = Integer.MAX_VALUE - 4096;

  private static final Logger log = LoggerFactory.getLogger(InferenceEngine.class);
  private static final Duration LONGEST_DEADLINE = Duration.ofDays(1);

  private final InferenceProperties properties;
  private final ResourceLoader resources;
  private final ThreadPoolTaskExecutor executor;
  private final WorkQueue queue;
  private final EngineMetrics metrics;
  private final DrainEstimate drain;
  // Resolved once: admission reads it on every request, and availableProcessors() asks the OS
  // (CPU affinity, container quota) on each call: 1 % of a request thread's CPU in a profile.
  private final int workers;
  private volatile EngineState state = EngineState.STOPPED;
  private volatile LoadedModel loaded;
  private int generation;

  InferenceEngine(
      InferenceProperties properties,
      ResourceLoader resources,
      ThreadPoolTaskExecutor executor,
      MeterRegistry registry) {
    this.properties = properties;
    this.resources = resources;
    this.executor = executor;
    this.workers = properties.effectiveWorkers();
    this.queue =
        new WorkQueue(
            properties.queueCapacity(),
            properties.bulkQueueCapacity(),
            properties.bulkBatchWhileInteractive(),
            workers);
    this.metrics = new EngineMetrics(registry, queue, properties.maxBatchSize());
    this.drain = new DrainEstimate(properties.maxBatchSize());
  }

  /**
   * Classifies one text. The future fails with {@link ModelNotReadyException} before the model is
   * ready, {@link OverloadedException} when the interactive lane is full or its texts would keep
   * this one past its deadline, {@link UnreadableTextException} when the text has nothing to
   * classify, {@link DeadlineExceededException} when the timeout passed before a worker reached the
   * text, and {@link InferenceException} when the model failed on it. Cancelling the future, or
   * completing it otherwise, keeps the text from being computed. A {@link Priority#BULK} call waits
   * for room in its lane, so it must not come from a request thread.
   */
  public CompletableFuture<Prediction> classify(String text, Duration timeout, Priority priority) {
    if (state != EngineState.READY) {
      return CompletableFuture.failedFuture(new ModelNotReadyException(notReadyReason()));
    }
    return admit(text, timeout, priority, true);
  }

  /**
   * Whether an interactive text with this deadline would be refused now, and if so the estimated
   * wait before the queue takes texts again (what a refusal's {@code Retry-After} says): the lane
   * is full, or the texts already waiting would keep this one past its deadline. Lets a caller
   * refuse a request before spending work on it: under overload a refusal must cost far less than
   * an answer, or refusing eats the capacity it protects.
   */
  public Optional<Duration> refusal(Duration deadline) {
    int waiting = queue.size(Priority.INTERACTIVE);
    boolean refused = waiting >= properties.queueCapacity() || waiting > mostAhead(deadline);
    return refused ? Optional.of(retryAfter()) : Optional.empty();
  }

  /**
   * The most texts a new one may wait behind and meet its deadline. A deadline shorter than one
   * pass is not the queue's doing: such a text is admitted and answered 408 if it expires.
   */
  private int mostAhead(Duration deadline) {
    return drain.mostAheadWithin(deadline, workers);
  }

  /** Texts of this priority waiting for a worker, for tests that must know none was taken. */
  int waiting(Priority priority) {
    return queue.size(priority);
  }

  /** The estimate admission decides by, for tests that must know where its boundary lies. */
  DrainEstimate drain() {
    return drain;
  }

  /** Admits a text; {@code counted} is false for the engine's own warm-up and self-test texts. */
  private CompletableFuture<Prediction> admit(
      String text, Duration timeout, Priority priority, boolean counted) {
    LoadedModel current = loaded;
    if (current == null) {
      return CompletableFuture.failedFuture(new ModelNotReadyException(notReadyReason()));
    }
    EncodedText encoded;
    try {
      encoded = current.encoder.encode(text);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(
          new InferenceException("The text could not be tokenized", e));
    }
    if (!current.encoder.hasContent(encoded)) {
      return CompletableFuture.failedFuture(new UnreadableTextException());
    }
    if (counted) {
      metrics.admitted(encoded);
    }
    long now = System.nanoTime();
    Duration bounded = timeout.compareTo(LONGEST_DEADLINE) > 0 ? LONGEST_DEADLINE : timeout;
    WorkItem item = new WorkItem(encoded, priority, counted, now, now + bounded.toNanos());
    if (priority == Priority.INTERACTIVE) {
      // The engine's own warm-up texts are never refused for a deadline.
      if (!queue.offer(item, counted ? mostAhead(bounded) : Integer.MAX_VALUE)) {
        return CompletableFuture.failedFuture(new OverloadedException(retryAfter()));
      }
      return item.future;
    }
    try {
      if (!queue.put(item)) {
        return CompletableFuture.failedFuture(new ModelNotReadyException("Shutting down"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(new CancellationException("Interrupted"));
    }
    return item.future;
  }

  private Duration retryAfter() {
    return drain.retryAfter(queue.size(Priority.INTERACTIVE) + queue.size(Priority.BULK), workers);
  }

  /** The model, once its files have been read. */
  public Optional<ModelInfo> model() {
    LoadedModel current = loaded;
    return Optional.ofNullable(current == null ? null : current.info);
  }

  /** Whether texts are accepted: the model is loaded, warmed up and passed its self-test. */
  public boolean ready() {
    return state == EngineState.READY;
  }

  /** A short, client-safe explanation of why the engine is not ready. */
  public String notReadyReason() {
    return state.reason();
  }

  /** Waits until loading has ended, well or badly; true if the engine is ready. */
  boolean awaitSettled(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!state.settled() && System.nanoTime() - deadline < 0) {
      Thread.sleep(20);
    }
    return ready();
  }

  EngineState state() {
    return state;
  }

  /** Loads the model in the background; a stopped engine may be started again. */
  @Override
  public synchronized void start() {
    if (state != EngineState.STOPPED) {
      return;
    }
    int current = ++generation;
    queue.reopen();
    state = EngineState.LOADING;
    TorchScriptModel.configureRuntime(properties);
    Thread loader = new Thread(() -> load(current), "model-loader");
    loader.setDaemon(true);
    loader.start();
  }

  private void load(int current) {
    try {
      LoadedModel candidate = LoadedModel.load(properties, resources, workers);
      synchronized (this) {
        if (current != generation) {
          candidate.close();
          return;
        }
        loaded = candidate;
        for (int i = 0; i < workers; i++) {
          executor.execute(() -> runWorker(candidate));
        }
        state = EngineState.WARMING;
      }
      ModelInfo info = candidate.info;
      log.info("Loaded model {} {} with labels {}", info.name(), info.version(), info.labels());
      new ModelCheck((t, timeout, p) -> admit(t, timeout, p, false), info, properties)
          .warmUpAndSelfTest();
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

  private void runWorker(LoadedModel model) {
    try {
      new InferenceWorker(
              queue, model.model, properties, model.info, metrics, drain, model.passCost)
          .run();
    } finally {
      model.workerExited();
    }
  }

  /** Refuses new texts, lets the workers finish every admitted one, then releases the model. */
  @Override
  public void stop() {
    LoadedModel stopping;
    synchronized (this) {
      generation++;
      state = EngineState.STOPPED;
      stopping = loaded;
      loaded = null;
    }
    queue.close();
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

  @Override
  public boolean isRunning() {
    return state != EngineState.STOPPED;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** Admission as {@link ModelCheck} uses it, bypassing the readiness gate it is there to open. */
  @FunctionalInterface
  interface Admission {
    CompletableFuture<Prediction> admit(String text, Duration timeout, Priority priority);
  }
}
