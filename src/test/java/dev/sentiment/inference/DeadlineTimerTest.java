package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine's deadline timer: an answer not computed by its deadline fails with a 408's cause. */
class DeadlineTimerTest {

  @Test
  void failsAnAnswerNotCompletedByItsDeadline() {
    try (DeadlineTimer timer = new DeadlineTimer()) {
      CompletableFuture<Prediction> answer = new CompletableFuture<>();
      timer.watch(answer, Deadline.in(Duration.ofMillis(20)));

      assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(DeadlineExceededException.class);
    }
  }

  @Test
  void leavesAnAnswerCompletedInTimeAlone() throws Exception {
    try (DeadlineTimer timer = new DeadlineTimer()) {
      CompletableFuture<String> answer = new CompletableFuture<>();
      timer.watch(answer, Deadline.in(Duration.ofMillis(50)));
      answer.complete("answered");

      Thread.sleep(150);
      assertThat(answer.get()).isEqualTo("answered");
    }
  }
}
