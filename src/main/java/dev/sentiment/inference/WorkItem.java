package dev.sentiment.inference;

import java.util.concurrent.CompletableFuture;

/** One admitted text waiting for, or in, a forward pass. Times are {@link System#nanoTime()}. */
final class WorkItem {

  final EncodedText text;
  final boolean counted;
  final boolean bulk;
  final long admittedNanos;
  final long deadlineNanos;
  final CompletableFuture<Prediction> future = new CompletableFuture<>();

  WorkItem(
      EncodedText text,
      Priority priority,
      boolean counted,
      long admittedNanos,
      long deadlineNanos) {
    this.text = text;
    this.bulk = priority == Priority.BULK;
    this.counted = counted;
    this.admittedNanos = admittedNanos;
    this.deadlineNanos = deadlineNanos;
  }

  boolean expiredAt(long nowNanos) {
    return nowNanos - deadlineNanos >= 0;
  }
}
