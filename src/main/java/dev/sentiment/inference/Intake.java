package dev.sentiment.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Takes texts into the engine: reads them on the caller's thread, makes their work items, and
 * queues every item of a call or none (the {@link Admission} rule decides for the interactive lane;
 * bulk producers wait for room). Each admitted item's {@link Deadline} is watched from here on.
 */
final class Intake {

  private final WorkQueue queue;
  private final Admission admission;
  private final DeadlineTimer deadlines;
  private final EngineMetrics metrics;

  Intake(WorkQueue queue, Admission admission, DeadlineTimer deadlines, EngineMetrics metrics) {
    this.queue = queue;
    this.admission = admission;
    this.deadlines = deadlines;
    this.metrics = metrics;
  }

  /**
   * One text as one window; {@code counted} is false for the engine's own warm-up and self-test
   * texts, which no deadline refuses and no metric counts.
   */
  CompletableFuture<Prediction> one(
      LoadedModel model, String text, Deadline deadline, Priority priority, boolean counted) {
    if (deadline.passed()) {
      // Reading and parsing took the whole deadline: no text is queued that cannot be answered.
      return CompletableFuture.failedFuture(new DeadlineExceededException());
    }
    EncodedText encoded;
    try {
      encoded = model.encoder.encode(text);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(
          new InferenceException("The text could not be tokenized", e));
    }
    if (!model.encoder.hasContent(encoded)) {
      return CompletableFuture.failedFuture(new UnreadableTextException());
    }
    if (counted) {
      metrics.admitted(encoded);
    }
    WorkItem item = new WorkItem(encoded, priority, counted, System.nanoTime(), deadline);
    Optional<Exception> refused = enqueue(List.of(item), deadline, priority, counted);
    if (refused.isPresent()) {
      return CompletableFuture.failedFuture(refused.get());
    }
    deadlines.watch(item.future, deadline);
    return item.future;
  }

  /** Whole texts, each in windows; see {@link InferenceEngine#analyze}. */
  List<CompletableFuture<TextAnalysis>> texts(
      LoadedModel model,
      List<String> texts,
      Deadline deadline,
      Priority priority,
      boolean sentences) {
    if (deadline.passed()) {
      return failAll(texts.size(), new DeadlineExceededException());
    }
    List<CompletableFuture<TextAnalysis>> answers = new ArrayList<>(texts.size());
    List<DocumentAnswer> admitted = new ArrayList<>(texts.size());
    List<WorkItem> items = new ArrayList<>();
    for (String text : texts) {
      DocumentReader.Document document;
      try {
        document = model.reader.read(text, sentences);
      } catch (RuntimeException e) {
        answers.add(
            CompletableFuture.failedFuture(
                new InferenceException("The text could not be tokenized", e)));
        continue;
      }
      if (!document.readable()) {
        answers.add(CompletableFuture.failedFuture(new UnreadableTextException()));
        continue;
      }
      DocumentAnswer answer =
          new DocumentAnswer(document, priority, true, deadline, model.info.labels(), metrics);
      metrics.admitted(document);
      admitted.add(answer);
      items.addAll(answer.items);
      answers.add(answer.future);
    }
    Optional<Exception> refused = enqueue(items, deadline, priority, true);
    if (refused.isPresent()) {
      admitted.forEach(answer -> answer.future.completeExceptionally(refused.get()));
      return answers;
    }
    items.forEach(item -> deadlines.watch(item.future, deadline));
    admitted.forEach(DocumentAnswer::start);
    return answers;
  }

  /** Queues every item, or none: the reason they were refused, if they were. */
  private Optional<Exception> enqueue(
      List<WorkItem> items, Deadline deadline, Priority priority, boolean counted) {
    if (items.isEmpty()) {
      return Optional.empty();
    }
    if (priority == Priority.INTERACTIVE) {
      int adding = items.size();
      // The engine's own warm-up texts are never refused for a deadline.
      return queue.offer(items, waiting -> !counted || admission.admits(waiting, adding, deadline))
          ? Optional.empty()
          : Optional.of(new OverloadedException(admission.retryAfter(queued())));
    }
    try {
      for (WorkItem item : items) {
        if (!queue.put(item)) {
          items.forEach(each -> each.future.cancel(false));
          return Optional.of(new ModelNotReadyException("Shutting down"));
        }
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      items.forEach(each -> each.future.cancel(false));
      return Optional.of(new CancellationException("Interrupted"));
    }
  }

  private int queued() {
    return queue.size(Priority.INTERACTIVE) + queue.size(Priority.BULK);
  }

  static <T> List<CompletableFuture<T>> failAll(int count, Exception failure) {
    List<CompletableFuture<T>> failed = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      failed.add(CompletableFuture.failedFuture(failure));
    }
    return failed;
  }
}
