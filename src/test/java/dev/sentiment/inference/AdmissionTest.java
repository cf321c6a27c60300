package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one admission rule: room in the lane, and no text kept past its deadline by those ahead. */
class AdmissionTest {

  /** 20 ms batches of 20 texts: 1 ms per text, one worker. */
  private static Admission admission(int capacity) {
    DrainEstimate drain = new DrainEstimate(32);
    for (int i = 0; i < 200; i++) {
      drain.add(20_000_000, 20);
    }
    return new Admission(capacity, drain, 1);
  }

  private static final Deadline FAR = Deadline.in(Duration.ofMinutes(10));

  @Test
  void admitsUpToTheCapacityOfTheLane() {
    Admission admission = admission(4);

    assertThat(admission.admits(3, 1, FAR)).isTrue();
    assertThat(admission.admits(4, 1, FAR)).isFalse();
    assertThat(admission.admits(2, 2, FAR)).isTrue();
    assertThat(admission.admits(2, 3, FAR)).as("a list is refused whole").isFalse();
  }

  @Test
  void refusesTextsTheQueueAheadWouldKeepPastTheirDeadline() {
    Admission admission = admission(1000);
    // One pass (20 ms) plus 1 ms per text ahead: within 100 ms about 80 may wait ahead.
    Deadline deadline = Deadline.in(Duration.ofMillis(100));

    assertThat(admission.admits(40, 1, deadline)).isTrue();
    assertThat(admission.admits(200, 1, deadline)).isFalse();
    assertThat(admission.admits(40, 100, deadline))
        .as("the last text of a list waits behind the others")
        .isFalse();
  }

  @Test
  void aDeadlineShorterThanOnePassIsNotTheQueuesToRefuse() {
    assertThat(admission(1000).admits(500, 1, Deadline.in(Duration.ofMillis(5)))).isTrue();
  }

  @Test
  void aRefusalSaysWhenToRetry() {
    Admission admission = admission(4);

    assertThat(admission.refusal(4, 1, FAR, 4))
        .hasValueSatisfying(
            retry -> assertThat(retry).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
    assertThat(admission.refusal(0, 1, FAR, 0)).isEmpty();
  }
}
