package dev.sentiment.inference;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Classifies texts with the configured model: the one entry point of the inference feature. A text
 * is read on the caller's thread and admitted into the {@link WorkQueue} by {@link Intake}, under
 * the {@link Admission} rule; an {@link InferenceWorker} computes it in a batch, and the future
 * returned at once answers it. Admission never blocks an interactive caller: refused texts get an
 * already failed future. The text's {@link Deadline} is enforced inside the engine alone. Loading
 * and readiness are {@link EngineLifecycle}'s.
 */
public class InferenceEngine implements SmartLifecycle {

  /** Stops after the web server has finished its in-flight requests, so they get answers. */
  public static final int PHASE = Integer.MAX_VALUE - 4096;

  private final InferenceProperties properties;
  private final ThreadPoolTaskExecutor executor;
  private final EngineLifecycle lifecycle;
  private final WorkQueue queue;
  private final Admission admission;
  private final Intake intake;
  private final EngineMetrics metrics;
  private final DrainEstimate drain;

  InferenceEngine(
      InferenceProperties properties,
      ResourceLoader resources,
      ThreadPoolTaskExecutor executor,
      MeterRegistry registry) {
    this.properties = properties;
    this.executor = executor;
    // Resolved once: availableProcessors() asks the OS on each call (1 % of a request's CPU).
    int workers = properties.effectiveWorkers();
    this.lifecycle = new EngineLifecycle(properties, resources, workers);
    this.drain = new DrainEstimate(properties.maxBatchSize());
    this.admission = new Admission(properties.queueCapacity(), drain, workers);
    this.queue =
        new WorkQueue(
            properties.bulkQueueCapacity(),
            new BatchPolicy(properties.bulkBatchWhileInteractive(), workers));
    this.metrics = new EngineMetrics(registry, queue, properties.maxBatchSize());
    this.intake = new Intake(queue, admission, new DeadlineTimer(), metrics);
  }

  /**
   * Classifies one text. The future fails with {@link ModelNotReadyException} before the model is
   * ready, {@link OverloadedException} when the {@link Admission} rule refuses it, {@link
   * UnreadableTextException} when the text has nothing to classify, {@link
   * DeadlineExceededException} when the deadline passes first, and {@link InferenceException} when
   * the model failed on it. Cancelling the future keeps the text from being computed. A {@link
   * Priority#BULK} call waits for room in its lane, so it must not come from a request thread.
   */
  public CompletableFuture<Prediction> classify(String text, Deadline deadline, Priority priority) {
    if (lifecycle.state() != EngineState.READY) {
      return CompletableFuture.failedFuture(new ModelNotReadyException(notReadyReason()));
    }
    return admit(text, deadline, priority, true);
  }

  /**
   * Analyses whole texts, however long: each is read in windows that fit the model (see {@link
   * DocumentReader}), every window classified and the document's answer aggregated; with {@code
   * sentences}, each sentence is also classified alone. One future per text, in order. A text with
   * nothing to classify fails alone ({@link UnreadableTextException}); the others are admitted
   * together by the {@link Admission} rule, counting every window and sentence, or all refused
   * ({@link OverloadedException}): a request is never half-answered. Otherwise as {@link
   * #classify}.
   */
  public List<CompletableFuture<TextAnalysis>> analyze(
      List<String> texts, Deadline deadline, Priority priority, boolean sentences) {
    LoadedModel current = lifecycle.loaded();
    if (lifecycle.state() != EngineState.READY || current == null) {
      return Intake.failAll(texts.size(), new ModelNotReadyException(notReadyReason()));
    }
    return intake.texts(current, texts, deadline, priority, sentences);
  }

  /**
   * Whether an interactive text with this deadline would be refused now, and if so what a refusal's
   * {@code Retry-After} says: the same rule {@link #classify} applies, asked before any work is
   * spent on a request, since under overload a refusal must cost far less than an answer.
   */
  public Optional<Duration> refusal(Deadline deadline) {
    return admission.refusal(queue.size(Priority.INTERACTIVE), 1, deadline, queued());
  }

  private CompletableFuture<Prediction> admit(
      String text, Deadline deadline, Priority priority, boolean counted) {
    LoadedModel current = lifecycle.loaded();
    if (current == null) {
      return CompletableFuture.failedFuture(new ModelNotReadyException(notReadyReason()));
    }
    return intake.one(current, text, deadline, priority, counted);
  }

  private int queued() {
    return queue.size(Priority.INTERACTIVE) + queue.size(Priority.BULK);
  }

  /** The model, once its files have been read. */
  public Optional<ModelInfo> model() {
    LoadedModel current = lifecycle.loaded();
    return Optional.ofNullable(current == null ? null : current.info);
  }

  /** Whether texts are accepted: the model is loaded, warmed up and passed its self-test. */
  public boolean ready() {
    return lifecycle.state() == EngineState.READY;
  }

  /** A short, client-safe explanation of why the engine is not ready. */
  public String notReadyReason() {
    return lifecycle.state().reason();
  }

  EngineState state() {
    return lifecycle.state();
  }

  /** Waits until loading has ended, well or badly; true if the engine is ready. */
  boolean awaitSettled(Duration timeout) throws InterruptedException {
    return lifecycle.awaitSettled(timeout);
  }

  /** Texts of this priority waiting for a worker, for tests that must know none was taken. */
  int waiting(Priority priority) {
    return queue.size(priority);
  }

  /** The estimate admission decides by, for tests that must know where its boundary lies. */
  DrainEstimate drain() {
    return drain;
  }

  /** Loads the model in the background; a stopped engine may be started again. */
  @Override
  public void start() {
    queue.reopen();
    lifecycle.start(
        model -> {
          for (int i = 0; i < properties.effectiveWorkers(); i++) {
            executor.execute(() -> runWorker(model));
          }
        },
        info ->
            new ModelCheck((t, d, p) -> admit(t, d, p, false), info, properties)
                .warmUpAndSelfTest());
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
    LoadedModel stopping = lifecycle.stop();
    queue.close();
    EngineLifecycle.release(stopping);
  }

  @Override
  public boolean isRunning() {
    return lifecycle.state() != EngineState.STOPPED;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
