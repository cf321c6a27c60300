package dev.sentiment.inference;

import java.time.Duration;

/**
 * When an answer is due: made once per request, from the moment it arrived and the limit it has
 * (the server's, or the client's shorter one), and carried unchanged to the engine, which alone
 * enforces it: admission refuses what it could not meet, a timer fails the answer when it passes,
 * and a worker skips a text whose deadline passed while it waited. Times are {@link
 * System#nanoTime()}.
 */
public final class Deadline {

  /** Longer limits are cut to this: {@code nanoTime} arithmetic must not overflow. */
  private static final Duration LONGEST = Duration.ofDays(1);

  private final long atNanos;

  private Deadline(long atNanos) {
    this.atNanos = atNanos;
  }

  /** The deadline {@code limit} after {@code startNanos} (a {@link System#nanoTime()}). */
  public static Deadline after(long startNanos, Duration limit) {
    Duration bounded = limit.compareTo(LONGEST) > 0 ? LONGEST : limit;
    return new Deadline(startNanos + bounded.toNanos());
  }

  /** The deadline {@code limit} from now. */
  public static Deadline in(Duration limit) {
    return after(System.nanoTime(), limit);
  }

  /** What is left of it now; zero once it has passed. */
  public Duration remaining() {
    long left = atNanos - System.nanoTime();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }

  /** Whether it has passed. */
  public boolean passed() {
    return passedAt(System.nanoTime());
  }

  boolean passedAt(long nowNanos) {
    return nowNanos - atNanos >= 0;
  }

  @Override
  public String toString() {
    return "Deadline[remaining=" + remaining() + "]";
  }
}
