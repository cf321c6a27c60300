package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DrainEstimateTest {

  /** 20 ms batches of 20 texts (of at most 32): 1 ms per text. */
  private static DrainEstimate learnt() {
    return learn(new DrainEstimate(32), 20_000_000, 20);
  }

  /** Feeds the estimate the same batch until the moving averages have settled on it. */
  private static DrainEstimate learn(DrainEstimate estimate, long nanos, int texts) {
    for (int i = 0; i < 200; i++) {
      estimate.add(nanos, texts);
    }
    return estimate;
  }

  @Test
  void aTextWaitsForTheTextsAheadSharedByTheWorkersPlusOnePass() {
    DrainEstimate estimate = learnt();

    assertThat(estimate.answerWithin(0, 2)).isBetween(ms(19), ms(21));
    assertThat(estimate.answerWithin(100, 2)).isBetween(ms(69), ms(71));
    assertThat(estimate.answerWithin(100, 1)).isBetween(ms(119), ms(121));
  }

  @Test
  void followsWhatThePassesCostNow() {
    DrainEstimate estimate = learn(learnt(), 80_000_000, 20);

    assertThat(estimate.answerWithin(100, 2)).isBetween(ms(279), ms(281));
  }

  @Test
  void learnsTheCostOfATextOnlyFromBatchesOfAtLeastHalfTheMaximum() {
    DrainEstimate estimate = learn(learnt(), 5_000_000, 1);

    // A batch is now 5 ms, a text still 1 ms: a lone text's cost is not what a long queue costs.
    assertThat(estimate.answerWithin(100, 2)).isBetween(ms(54), ms(56));
  }

  @Test
  void theMostTextsAheadIsTheInverseOfTheAnswerTime() {
    DrainEstimate estimate = learnt();

    // 20 ms for the batch, then 1 ms per text shared by 2 workers: 60 ms leaves room for 80.
    assertThat(estimate.mostAheadWithin(ms(60), 2)).isBetween(79, 80);
    assertThat(estimate.answerWithin(estimate.mostAheadWithin(ms(60), 2), 2))
        .isLessThanOrEqualTo(ms(60));
    // Shorter than one batch: no queue would help, so the queue does not refuse it.
    assertThat(estimate.mostAheadWithin(ms(10), 2)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void retryAfterIsTheDrainTimeInWholeSecondsAndAtLeastOne() {
    DrainEstimate estimate = learnt();

    assertThat(estimate.retryAfter(0, 2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(estimate.retryAfter(1_000, 2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(estimate.retryAfter(10_000, 2)).isEqualTo(Duration.ofSeconds(6));
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
