package dev.sentiment.inference;

/**
 * What a forward pass of this model costs by its shape, learnt from the passes the workers make for
 * requests and jobs (the warm-up's first passes of each shape cost several times a later one): a
 * least-squares line {@code time = fixed + positions × perPosition} through the passes' padded
 * positions (texts × longest text) and times, the worker thread's CPU time where the pass runs on
 * it alone (one libtorch thread, the default). Its ratio {@code fixed / perPosition} is the
 * overhead of one pass in padded positions, which {@link LengthGroups} weighs against padding when
 * it splits a batch.
 *
 * <p>Learnt rather than fixed because models differ by orders of magnitude: a 6-layer, 384-wide
 * transformer pays for 13 to 20 positions per pass on one thread, a wider one should pay for fewer
 * (its cost per position grows faster than its cost per pass), and a tiny model almost only for the
 * pass. An overhead set too high keeps padding (the constant 256 this replaced gave that
 * transformer 13 % fewer answers per second at 64 clients, docs/performance.md); one set too low
 * makes needless passes. Older passes fade ({@link #DECAY} per pass), so the line follows the
 * machine. Updated once per pass under a lock: nothing next to a forward pass.
 */
final class PassCost {

  /** Until the line is known: what transformers, the models that pay for padding, cost. */
  static final int DEFAULT_OVERHEAD = 16;

  /** Passes needed before the line is used: under load, a second or two of them. */
  static final int MIN_PASSES = 16;

  /** An overhead above every batch's padded positions means "never split"; no need for more. */
  private static final int MAX_OVERHEAD = 1 << 20;

  private static final double DECAY = 0.999;

  // The line is fitted as time / positions = perPosition + fixed × (1 / positions): timing noise on
  // a busy machine is proportional to the pass, and this way every pass counts by its relative
  // error (a plain fit of time on positions lets the longest passes' noise swamp the fixed cost).
  // Decayed sums of 1, u, z, u², uz for u = 1 / positions, z = microseconds / positions; guarded
  // by this.
  private double n;
  private double su;
  private double sz;
  private double suu;
  private double suz;
  private long passes;
  private volatile int overhead = DEFAULT_OVERHEAD;

  /** Learns from one pass over {@code positions} padded positions that took {@code nanos}. */
  synchronized void add(long positions, long nanos) {
    if (positions <= 0) {
      return;
    }
    double u = 1.0 / positions;
    double z = nanos / 1_000.0 * u;
    n = n * DECAY + 1;
    su = su * DECAY + u;
    sz = sz * DECAY + z;
    suu = suu * DECAY + u * u;
    suz = suz * DECAY + u * z;
    if (++passes >= MIN_PASSES) {
      fit();
    }
  }

  private void fit() {
    double spread = n * suu - su * su;
    if (spread <= 1e-9 * n * suu) {
      return; // every pass had the same shape: the line is not determined
    }
    double fixed = (n * suz - su * sz) / spread;
    double perPosition = (sz - fixed * su) / n;
    if (fixed <= 0) {
      // Cost growing at least as fast as the positions (attention over long texts does): extra
      // passes cost nothing.
      overhead = 0;
    } else if (perPosition <= 0) {
      overhead = MAX_OVERHEAD; // cost that does not grow with the pass: never split
    } else {
      overhead = (int) Math.round(Math.min(MAX_OVERHEAD, fixed / perPosition));
    }
  }

  /** How many passes it has learnt from. */
  synchronized long passes() {
    return passes;
  }

  /** The fixed cost of one pass, in padded positions (see the class comment). */
  int overheadPositions() {
    return overhead;
  }
}
