package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/** The overhead of a pass is learnt from the passes' shapes and times. */
class PassCostTest {

  /** A pass of a 6-layer transformer on one thread, as measured: 2.7 ms + 0.21 ms per position. */
  private static long transformerNanos(long positions) {
    return 2_700_000 + 210_000 * positions;
  }

  /**
   * Teaches {@code cost} {@code passes} passes of 4 to 354 positions, each taking {@code nanos}.
   */
  private static PassCost feed(PassCost cost, int passes, LongUnaryOperator nanos) {
    for (int i = 0; i < passes; i++) {
      long positions = 4 + 50L * (i % 8);
      cost.add(positions, nanos.applyAsLong(positions));
    }
    return cost;
  }

  @Test
  void usesTheDefaultUntilEnoughPassesWereSeen() {
    PassCost cost = feed(new PassCost(), PassCost.MIN_PASSES - 1, PassCostTest::transformerNanos);
    assertThat(cost.overheadPositions()).isEqualTo(PassCost.DEFAULT_OVERHEAD);
  }

  @Test
  void learnsTheFixedCostInPositions() {
    PassCost cost = feed(new PassCost(), 40, PassCostTest::transformerNanos);
    assertThat(cost.overheadPositions()).isEqualTo(13); // 2.7 / 0.21 = 12.9
  }

  @Test
  void learnsThroughNoise() {
    PassCost cost = new PassCost();
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      long positions = 4 + random.nextInt(1_000);
      double noise = 1 + 0.2 * random.nextGaussian();
      cost.add(positions, (long) (transformerNanos(positions) * noise));
    }
    assertThat((double) cost.overheadPositions()).isCloseTo(12.9, within(4.0));
  }

  @Test
  void aModelThatCostsLittleMorePerPositionNeverSplits() {
    PassCost cost = feed(new PassCost(), 40, positions -> 5_000_000 + 10L * positions);
    assertThat(cost.overheadPositions()).isGreaterThan(100_000);
  }

  @Test
  void costGrowingFasterThanLinearlyMeansSplittingIsFree() {
    PassCost cost = feed(new PassCost(), 40, positions -> 1_000L * positions * positions);
    assertThat(cost.overheadPositions()).isZero();
  }

  @Test
  void keepsWhatItHadWhenEveryPassHasTheSameShape() {
    PassCost cost = new PassCost();
    for (int i = 0; i < 40; i++) {
      cost.add(320, transformerNanos(320) + i % 3);
    }
    assertThat(cost.overheadPositions()).isEqualTo(PassCost.DEFAULT_OVERHEAD);
  }

  @Test
  void followsTheModelsCostAsOlderPassesFade() {
    // Overhead 5,000 first, then a transformer's.
    PassCost cost = feed(new PassCost(), 100, positions -> 50_000_000 + 10_000 * positions);
    assertThat(cost.overheadPositions()).isEqualTo(5_000);
    feed(cost, 20_000, PassCostTest::transformerNanos);
    assertThat(cost.overheadPositions()).isEqualTo(13);
  }
}
