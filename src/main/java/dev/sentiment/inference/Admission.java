package dev.sentiment.inference;

import java.time.Duration;
import java.util.Optional;

/**
 * The one rule that decides whether interactive texts are taken: they fit in the lane, and the
 * texts already waiting would not keep the last of them past its deadline (a text that would miss
 * it anyway costs a cheap 503 now instead of a wasted 408 later). The request filter asks this rule
 * before a body is read, and the queue applies the same rule under its lock when the texts arrive.
 *
 * <p>Texts of one request are admitted together or not at all: a list that does not fit is refused
 * whole, never half-answered.
 */
final class Admission {

  private final int capacity;
  private final DrainEstimate drain;
  private final int workers;

  Admission(int capacity, DrainEstimate drain, int workers) {
    this.capacity = capacity;
    this.drain = drain;
    this.workers = workers;
  }

  /** Whether {@code adding} texts may join {@code waiting} ones and meet {@code deadline}. */
  boolean admits(int waiting, int adding, Deadline deadline) {
    int after = waiting + adding;
    return after <= capacity && after - 1 <= mostAhead(deadline);
  }

  /** The refusal's {@code Retry-After} when the rule refuses, empty when it admits. */
  Optional<Duration> refusal(int waiting, int adding, Deadline deadline, int queuedInAll) {
    return admits(waiting, adding, deadline)
        ? Optional.empty()
        : Optional.of(retryAfter(queuedInAll));
  }

  /** How long before the queue, now holding {@code queued} texts, takes texts again. */
  Duration retryAfter(int queued) {
    return drain.retryAfter(queued, workers);
  }

  /**
   * The most texts a new one may wait behind and meet its deadline. A deadline shorter than one
   * pass is not the queue's doing: such a text is admitted and answered 408 if it expires.
   */
  private int mostAhead(Deadline deadline) {
    return drain.mostAheadWithin(deadline.remaining(), workers);
  }
}
