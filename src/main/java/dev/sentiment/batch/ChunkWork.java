package dev.sentiment.batch;

import dev.sentiment.inference.Deadline;
import dev.sentiment.inference.InferenceEngine;
import dev.sentiment.inference.InferenceException;
import dev.sentiment.inference.Prediction;
import dev.sentiment.inference.Priority;
import dev.sentiment.inference.TextAnalysis;
import dev.sentiment.inference.UnreadableTextException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * Computes one chunk: the items of its range that have no result yet go through the engine's bulk
 * lane (behind every {@code /analyze} text), and their results are stored with the job's counters
 * in one transaction. So a chunk run again after a crash computes only what was lost, and every
 * item ends with exactly one result.
 */
@Component
class ChunkWork {

  /** How often a chunk waiting for the engine checks whether its replica is stopping. */
  private static final long POLL_MILLIS = 100;

  private final JobStore jobs;
  private final ItemStore items;
  private final ResultStore results;
  private final InferenceEngine engine;
  private final BatchProperties properties;
  private final JobMetrics metrics;

  ChunkWork(
      JobStore jobs,
      ItemStore items,
      ResultStore results,
      InferenceEngine engine,
      BatchProperties properties,
      JobMetrics metrics) {
    this.jobs = jobs;
    this.items = items;
    this.results = results;
    this.engine = engine;
    this.properties = properties;
    this.metrics = metrics;
  }

  /** What became of a chunk. */
  enum Outcome {
    /** Its results are stored, or its job no longer wants them. */
    DONE,
    /** The engine cannot compute now (loading, stopping, too slow): try again a bit later. */
    DEFER,
    /** This replica is stopping: hand the chunk back for any replica to take at once. */
    RELEASE
  }

  Outcome run(ChunkRef chunk, BooleanSupplier stopping) {
    Optional<JobStatus> status = jobs.status(chunk.job());
    if (status.isEmpty() || !status.get().active()) {
      return Outcome.DONE;
    }
    if (stopping.getAsBoolean()) {
      return Outcome.RELEASE;
    }
    if (!engine.ready()) {
      return Outcome.DEFER;
    }
    if (status.get() == JobStatus.QUEUED) {
      jobs.markRunning(chunk.job(), Instant.now());
    }
    List<ItemStore.PendingItem> pending = items.pending(chunk);
    if (pending.isEmpty()) {
      return Outcome.DONE;
    }
    List<CompletableFuture<TextAnalysis>> answers = new ArrayList<>(pending.size());
    for (ItemStore.PendingItem item : pending) {
      String text = item.item().text();
      // Read whole, in windows, as /analyze reads it: the same text gets the same answer.
      answers.add(
          text == null
              ? null
              : engine
                  .analyze(
                      List.of(text), Deadline.in(properties.itemTimeout()), Priority.BULK, false)
                  .get(0));
    }
    // Admission to a full bulk lane is interruptible; clear the flag before any database work.
    boolean interrupted = Thread.interrupted();
    List<ItemResult> computed = interrupted ? null : await(pending, answers, stopping);
    if (computed == null) {
      answers.forEach(ChunkWork::cancel);
      return interrupted || stopping.getAsBoolean() ? Outcome.RELEASE : Outcome.DEFER;
    }
    if (results.save(chunk.job(), computed, Instant.now())) {
      metrics.itemsDone(computed);
    }
    return Outcome.DONE;
  }

  /** The results, or null when the chunk must be given up: stopping, or the engine failed it. */
  private static List<ItemResult> await(
      List<ItemStore.PendingItem> pending,
      List<CompletableFuture<TextAnalysis>> answers,
      BooleanSupplier stopping) {
    List<ItemResult> computed = new ArrayList<>(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      ItemStore.PendingItem item = pending.get(i);
      String id = item.item().id();
      if (answers.get(i) == null) {
        computed.add(ItemResult.failed(item.index(), id, item.item().error()));
        continue;
      }
      Answer answer = await(answers.get(i), stopping);
      if (answer == null) {
        return null;
      }
      computed.add(
          answer.prediction() != null
              ? ItemResult.ok(
                  item.index(), id, answer.prediction().label(), answer.prediction().score())
              : ItemResult.failed(item.index(), id, answer.error()));
    }
    return computed;
  }

  /** A prediction, or why this very text has none. */
  private record Answer(Prediction prediction, String error) {}

  /**
   * One answer, or null when the chunk must be given up. Waiting is in short steps so a stopping
   * replica notices at once; interrupts are never used, since an interrupted thread breaks the
   * embedded database's files.
   */
  private static Answer await(CompletableFuture<TextAnalysis> answer, BooleanSupplier stopping) {
    while (true) {
      try {
        return new Answer(answer.get(POLL_MILLIS, TimeUnit.MILLISECONDS).document(), null);
      } catch (TimeoutException e) {
        if (stopping.getAsBoolean()) {
          return null;
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UnreadableTextException) {
          return new Answer(null, "the text has nothing the model can read");
        }
        return e.getCause() instanceof InferenceException
            ? new Answer(null, "the model failed on this text")
            : null;
      } catch (InterruptedException e) {
        // Only the scheduler's forced shutdown interrupts; clear it before any database work.
        Thread.interrupted();
        return null;
      } catch (CancellationException e) {
        return null;
      }
    }
  }

  private static void cancel(CompletableFuture<TextAnalysis> answer) {
    if (answer != null) {
      answer.cancel(false);
    }
  }
}
