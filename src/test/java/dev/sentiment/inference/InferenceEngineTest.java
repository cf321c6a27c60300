package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's admission and skipping rules, on the real model with a single worker so that the
 * queue's state is predictable: a long bulk backlog keeps the worker busy while the test acts.
 */
class InferenceEngineTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String LONG_TEXT = "a long and winding review of a film. ".repeat(40);
  private static SimpleMeterRegistry registry;
  private static InferenceEngine engine;

  @BeforeAll
  static void start() {
    registry = new SimpleMeterRegistry();
    engine = TestEngines.start(TestEngines.properties(1, 8, 4), registry);
  }

  @AfterAll
  static void stop() {
    engine.stop();
  }

  private static List<CompletableFuture<Prediction>> backlog(int texts) {
    List<CompletableFuture<Prediction>> backlog = new ArrayList<>();
    for (int i = 0; i < texts; i++) {
      backlog.add(engine.classify(LONG_TEXT, Deadline.in(TIMEOUT), Priority.BULK));
    }
    return backlog;
  }

  private static double computed() {
    return registry.get("sentiment.batch.size").summary().totalAmount();
  }

  private static double passes() {
    return registry.get("sentiment.batch.size").summary().count();
  }

  private static double skipped(String reason) {
    return registry.get("sentiment.work.skipped").tag("reason", reason).counter().count();
  }

  @Test
  void rejectsAtOnceWhenTheInteractiveLaneIsFull() {
    List<CompletableFuture<Prediction>> backlog = backlog(64);
    List<CompletableFuture<Prediction>> answers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      answers.add(engine.classify(LONG_TEXT, Deadline.in(TIMEOUT), Priority.INTERACTIVE));
    }
    List<CompletableFuture<Prediction>> rejected =
        answers.stream().filter(CompletableFuture::isCompletedExceptionally).toList();
    // Rejected futures were already failed when classify returned: nobody waited for them.
    assertThat(rejected).isNotEmpty();
    assertThatThrownBy(rejected.get(0)::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            OverloadedException.class,
            e -> assertThat(e.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
    backlog.forEach(CompletableFuture::join);
    answers.stream().filter(a -> !a.isCompletedExceptionally()).forEach(CompletableFuture::join);
  }

  @Test
  void refusesAtOnceATextTheWaitingOnesWouldMakeLate() {
    List<CompletableFuture<Prediction>> backlog = backlog(64);
    List<CompletableFuture<Prediction>> waiting = new ArrayList<>();
    Duration deadline;
    Optional<Duration> refusal;
    CompletableFuture<Prediction> late;
    while (true) {
      // Every attempt needs bulk work queued, or the worker would be idle and take the waiting
      // texts at once; attempts that had to start again have used some of it up.
      backlog.addAll(backlog(8));
      // Start just after a bulk pass has begun, so the worker is busy for the next few moments
      // and the estimate (which changes only when a pass ends) stays as read.
      double before = passes();
      await().atMost(Duration.ofSeconds(10)).until(() -> passes() > before);
      sleep(Duration.ofMillis(2));
      double passes = passes();
      waiting.clear();
      for (int i = 0; i < 3; i++) {
        waiting.add(engine.classify(LONG_TEXT, Deadline.in(TIMEOUT), Priority.INTERACTIVE));
      }
      // A deadline a text alone would meet, but not behind the three waiting ones.
      Duration alone = engine.drain().answerWithin(0, 1);
      Duration behindThree = engine.drain().answerWithin(3, 1);
      deadline = alone.plus(behindThree.minus(alone).dividedBy(2));
      refusal = engine.refusal(Deadline.in(deadline));
      late = engine.classify(LONG_TEXT, Deadline.in(deadline), Priority.INTERACTIVE);
      // No pass ended meanwhile and the estimate stayed as read (a pass that ended just before
      // the window may update it a moment later), and the worker took none of the waiting texts.
      if (passes() == passes
          && engine.drain().answerWithin(0, 1).equals(alone)
          && engine.drain().answerWithin(3, 1).equals(behindThree)
          && engine.waiting(Priority.INTERACTIVE) >= waiting.size()) {
        break;
      }
      // Start again.
      waiting.forEach(CompletableFuture::join);
      late.exceptionally(e -> null).join();
    }

    assertThat(refusal).isPresent();
    assertThat(late).isCompletedExceptionally();
    assertThatThrownBy(late::join).cause().isInstanceOf(OverloadedException.class);
    assertThat(engine.refusal(Deadline.in(TIMEOUT))).isEmpty();
    backlog.forEach(CompletableFuture::join);
    waiting.forEach(CompletableFuture::join);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aListLargerThanTheFreeQueueIsRefusedWhole() {
    int waiting = engine.waiting(Priority.INTERACTIVE);
    // The queue takes 4 interactive texts; five at once cannot all be admitted.
    List<CompletableFuture<TextAnalysis>> answers =
        engine.analyze(
            List.of("one", "two", "three", "four", "five"),
            Deadline.in(TIMEOUT),
            Priority.INTERACTIVE,
            false);

    assertThat(answers).hasSize(5);
    for (CompletableFuture<TextAnalysis> answer : answers) {
      assertThatThrownBy(answer::join).cause().isInstanceOf(OverloadedException.class);
    }
    assertThat(engine.waiting(Priority.INTERACTIVE)).isEqualTo(waiting);
  }

  @Test
  void refusesAtOnceATextWhoseDeadlinePassedBeforeItArrived() {
    int waiting = engine.waiting(Priority.INTERACTIVE);
    CompletableFuture<Prediction> late =
        engine.classify(
            LONG_TEXT,
            Deadline.after(System.nanoTime() - 1_000_000_000L, Duration.ofMillis(200)),
            Priority.INTERACTIVE);

    assertThat(late).isCompletedExceptionally();
    assertThatThrownBy(late::join).cause().isInstanceOf(DeadlineExceededException.class);
    assertThat(engine.waiting(Priority.INTERACTIVE)).isEqualTo(waiting);
  }

  @Test
  void neverComputesCancelledTexts() {
    double computedBefore = computed();
    double cancelledBefore = skipped("cancelled");
    List<CompletableFuture<Prediction>> backlog = backlog(32);
    CompletableFuture<Prediction> withdrawn =
        engine.classify(LONG_TEXT, Deadline.in(TIMEOUT), Priority.INTERACTIVE);
    withdrawn.cancel(false);

    backlog.forEach(CompletableFuture::join);
    // The worker may reach the withdrawn text after the backlog: wait for its verdict.
    await().atMost(Duration.ofSeconds(10)).until(() -> skipped("cancelled") > cancelledBefore);
    assertThat(skipped("cancelled")).isEqualTo(cancelledBefore + 1);
    assertThat(computed() - computedBefore).isEqualTo(backlog.size());
  }

  @Test
  void refusesATextWithNothingReadableWithoutComputingIt() {
    double computedBefore = computed();
    CompletableFuture<Prediction> invisible =
        engine.classify("\u200b\u00a0\ufeff", Deadline.in(TIMEOUT), Priority.INTERACTIVE);

    // Failed when classify returned: the text never reached the queue.
    assertThat(invisible).isCompletedExceptionally();
    assertThatThrownBy(invisible::join).cause().isInstanceOf(UnreadableTextException.class);
    assertThat(computed()).isEqualTo(computedBefore);
  }

  @Test
  void canBeStoppedAndStartedAgain() {
    InferenceEngine restartable = TestEngines.start(TestEngines.properties(1, 8, 16));
    restartable.stop();
    assertThat(restartable.ready()).isFalse();
    assertThatThrownBy(
            restartable.classify("hello", Deadline.in(TIMEOUT), Priority.INTERACTIVE)::join)
        .cause()
        .isInstanceOf(ModelNotReadyException.class);

    restartable.start();
    await().atMost(Duration.ofMinutes(1)).until(restartable::ready);
    assertThat(
            restartable
                .classify("I loved it", Deadline.in(TIMEOUT), Priority.INTERACTIVE)
                .join()
                .label())
        .isEqualTo("POSITIVE");
    restartable.stop();
  }

  @Test
  void refusesEverythingBeforeItIsReady() {
    InferenceEngine idle =
        new InferenceEngine(
            TestEngines.properties(1, 8, 4),
            new org.springframework.core.io.DefaultResourceLoader(),
            new org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor(),
            new SimpleMeterRegistry());

    assertThatThrownBy(idle.classify("hello", Deadline.in(TIMEOUT), Priority.INTERACTIVE)::join)
        .cause()
        .isInstanceOf(ModelNotReadyException.class);
    assertThat(idle.ready()).isFalse();
  }
}
