package dev.sentiment.inference;

import ai.djl.translate.TranslateException;
import dev.sentiment.inference.TorchScriptModel.ForwardPass;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inference worker: takes batches from the queue, drops what is no longer wanted, and runs the
 * rest through its own predictor. A failing pass is retried text by text, so one bad text fails
 * only itself.
 */
final class InferenceWorker implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(InferenceWorker.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final WorkQueue queue;
  private final TorchScriptModel model;
  private final InferenceProperties properties;
  private final List<String> labels;
  private final boolean splitByLength;
  private final EngineMetrics metrics;
  private final DrainEstimate drain;
  private final PassCost passCost;
  private final boolean passCostInCpuTime;
  // The batch taken and not yet reported done to the queue.
  private List<WorkItem> computing;

  InferenceWorker(
      WorkQueue queue,
      TorchScriptModel model,
      InferenceProperties properties,
      ModelInfo info,
      EngineMetrics metrics,
      DrainEstimate drain,
      PassCost passCost) {
    this.queue = queue;
    this.model = model;
    this.properties = properties;
    this.labels = info.labels();
    this.splitByLength = !info.paddingFree();
    this.metrics = metrics;
    this.drain = drain;
    this.passCost = passCost;
    // With one libtorch thread the whole pass runs on this thread, so its CPU time is the pass's
    // cost, untouched by the other threads it shares the cores with (its wall time is not: at 64
    // clients that made a 6-layer transformer's overhead look two to five times as large).
    this.passCostInCpuTime =
        splitByLength
            && properties.intraOpThreads() == 1
            && THREADS.isCurrentThreadCpuTimeSupported();
  }

  @Override
  public void run() {
    long maxDelay = properties.maxBatchDelay().toNanos();
    try (ForwardPass pass = model.newForwardPass(properties)) {
      while (true) {
        List<WorkItem> batch = queue.takeBatch(properties.maxBatchSize(), maxDelay);
        if (batch.isEmpty()) {
          return;
        }
        computing = batch;
        try {
          process(batch, pass);
        } finally {
          computed();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void process(List<WorkItem> batch, ForwardPass pass) {
    long now = System.nanoTime();
    List<WorkItem> live = new ArrayList<>(batch.size());
    for (WorkItem item : batch) {
      if (item.future.isCancelled()) {
        metrics.skippedCancelled();
      } else if (item.future.isDone()) {
        // Completed elsewhere: its deadline timer fired while the text waited.
        metrics.skippedExpired();
      } else if (item.expiredAt(now)) {
        metrics.skippedExpired();
        item.future.completeExceptionally(new DeadlineExceededException());
      } else {
        metrics.waited(now - item.admittedNanos);
        item.startedNanos = now;
        live.add(item);
      }
    }
    if (live.isEmpty()) {
      return;
    }
    List<List<WorkItem>> groups =
        splitByLength ? LengthGroups.split(live, passCost.overheadPositions()) : List.of(live);
    long start = System.nanoTime();
    for (int i = 0; i < groups.size(); i++) {
      run(groups.get(i), pass, i == groups.size() - 1);
    }
    // The queue drains a batch at a time, however many passes it took: a split batch's passes are
    // each too small to teach the estimate what a text costs in a full batch.
    drain.add(System.nanoTime() - start, live.size());
  }

  /**
   * Tells the queue this worker computes no more, once per batch. Before the last answers go out:
   * an answer lets its client send the next request at once, and a worker taking that one must not
   * think this worker still busy, or it waits the whole batch delay for company that never comes
   * (on two cores the answering worker is easily preempted between its answers and this report).
   */
  private void computed() {
    if (computing != null) {
      queue.batchDone(computing);
      computing = null;
    }
  }

  private void run(List<WorkItem> group, ForwardPass pass, boolean last) {
    List<EncodedText> texts = new ArrayList<>(group.size());
    int longest = 0;
    boolean engineOwn = false;
    for (WorkItem item : group) {
      texts.add(item.text);
      longest = Math.max(longest, item.text.length());
      engineOwn |= !item.counted;
    }
    long cpuStart = passCostInCpuTime ? THREADS.getCurrentThreadCpuTime() : 0;
    long start = System.nanoTime();
    float[][] probabilities;
    try {
      probabilities = pass.run(texts);
    } catch (TranslateException | RuntimeException e) {
      if (group.size() > 1) {
        for (WorkItem item : group) {
          run(List.of(item), pass, false);
        }
      } else {
        log.warn("Inference failed for one text of {} tokens", texts.get(0).length(), e);
        metrics.failed();
        group
            .get(0)
            .future
            .completeExceptionally(
                new InferenceException("The model failed to process this text", e));
      }
      return;
    }
    long elapsed = System.nanoTime() - start;
    metrics.pass(group.size(), elapsed);
    for (WorkItem item : group) {
      // Read by the text's answer once the future completes, which publishes it.
      item.computedNanos = start + elapsed;
    }
    // Not from the warm-up: each shape's first pass there costs several times a later one.
    if (splitByLength && !engineOwn) {
      long cost = passCostInCpuTime ? THREADS.getCurrentThreadCpuTime() - cpuStart : elapsed;
      passCost.add((long) group.size() * longest, cost);
    }
    if (last) {
      computed();
    }
    for (int i = 0; i < group.size(); i++) {
      WorkItem item = group.get(i);
      Prediction prediction = toPrediction(probabilities[i], item.text);
      if (item.counted && item.countsPrediction) {
        metrics.predicted(prediction.label());
      }
      item.future.complete(prediction);
    }
  }

  private Prediction toPrediction(float[] probabilities, EncodedText text) {
    return Prediction.of(labels, probabilities, text.length(), text.truncated());
  }
}
