package dev.sentiment.inference;

import java.util.concurrent.CompletableFuture;

/** One admitted text waiting for, or in, a forward pass. Times are {@link System#nanoTime()}. */
final class WorkItem {

  final EncodedText text;
  final boolean counted;
  final boolean bulk;
  final long admittedNanos;
  final Deadline deadline;
  final CompletableFuture<Prediction> future = new CompletableFuture<>();
  // Set by the worker before it completes the future (which publishes them): when the text's
  // batch was taken and when its forward pass ended.
  long startedNanos;
  long computedNanos;
  // False for the windows and sentences of a text: its answer counts the text's label once.
  boolean countsPrediction = true;
  // True for the parts of a text read in several (windows, sentences alone): shared out among idle
  // workers so the text's answer comes sooner ({@link BatchPolicy#shared}).
  boolean partOfDocument;

  WorkItem(
      EncodedText text, Priority priority, boolean counted, long admittedNanos, Deadline deadline) {
    this.text = text;
    this.bulk = priority == Priority.BULK;
    this.counted = counted;
    this.admittedNanos = admittedNanos;
    this.deadline = deadline;
  }

  boolean expiredAt(long nowNanos) {
    return deadline.passedAt(nowNanos);
  }
}
