package dev.sentiment.inference;

import java.time.Duration;

/** Work items for queue and batching tests: only their priority and length matter there. */
final class WorkItems {

  private WorkItems() {}

  /** A text of {@code tokens} tokens (all zero), admitted now, due in a minute. */
  static WorkItem ofLength(Priority priority, int tokens) {
    return new WorkItem(
        new EncodedText(new long[tokens], false),
        priority,
        true,
        System.nanoTime(),
        Deadline.in(Duration.ofSeconds(60)));
  }
}
