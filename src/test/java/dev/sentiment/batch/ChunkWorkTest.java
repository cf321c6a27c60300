package dev.sentiment.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.sentiment.batch.ChunkWork.Outcome;
import dev.sentiment.batch.ItemStore.PendingItem;
import dev.sentiment.inference.EngineFailures;
import dev.sentiment.inference.InferenceEngine;
import dev.sentiment.inference.Prediction;
import dev.sentiment.inference.Priority;
import dev.sentiment.inference.TextAnalysis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * What {@link ChunkWork} makes of each state of its job, its replica and the engine: which chunks
 * are done, deferred (the engine cannot compute now) or released (this replica is stopping), and
 * that a given-up chunk stores nothing, so it is computed whole when it runs again.
 */
class ChunkWorkTest {

  private static final UUID JOB = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final ChunkRef CHUNK = new ChunkRef(JOB, 0, 3);
  private static final BooleanSupplier RUNNING = () -> false;

  private final JobStore jobs = mock(JobStore.class);
  private final ItemStore items = mock(ItemStore.class);
  private final ResultStore results = mock(ResultStore.class);
  private final InferenceEngine engine = mock(InferenceEngine.class);
  private final JobMetrics metrics = mock(JobMetrics.class);

  /** Only item-timeout matters to ChunkWork. */
  private final BatchProperties properties =
      new BatchProperties(
          3, 100, null, 100, null, null, null, 1, null, null, 2, null, Duration.ofMinutes(10), 3);

  private final ChunkWork work = new ChunkWork(jobs, items, results, engine, properties, metrics);

  @BeforeEach
  void aRunningJobAndAReadyEngine() {
    given(jobs.status(JOB)).willReturn(Optional.of(JobStatus.RUNNING));
    given(engine.ready()).willReturn(true);
    given(results.save(eq(JOB), any(), any())).willReturn(true);
  }

  private static TextAnalysis analysis(Prediction prediction) {
    return new TextAnalysis(
        prediction,
        1,
        List.of(),
        false,
        new TextAnalysis.Timing(java.time.Duration.ZERO, java.time.Duration.ZERO));
  }

  private static Prediction positive() {
    return new Prediction("POSITIVE", 0.9, Map.of("NEGATIVE", 0.1, "POSITIVE", 0.9), 4, false);
  }

  private void pending(PendingItem... pending) {
    given(items.pending(CHUNK)).willReturn(List.of(pending));
  }

  private static PendingItem text(int index, String text) {
    return new PendingItem(index, new Item("id-" + index, text, null));
  }

  @SuppressWarnings("unchecked")
  private List<ItemResult> saved() {
    ArgumentCaptor<List<ItemResult>> saved = ArgumentCaptor.forClass(List.class);
    verify(results).save(eq(JOB), saved.capture(), any());
    return saved.getValue();
  }

  @Test
  void aJobThatIsNoLongerActiveIsDoneWithoutComputing() {
    given(jobs.status(JOB)).willReturn(Optional.of(JobStatus.CANCELLED));

    assertThat(work.run(CHUNK, RUNNING)).isEqualTo(Outcome.DONE);

    verifyNoInteractions(engine, items, results);
  }

  @Test
  void aDeletedJobIsDone() {
    given(jobs.status(JOB)).willReturn(Optional.empty());

    assertThat(work.run(CHUNK, RUNNING)).isEqualTo(Outcome.DONE);

    verifyNoInteractions(engine, items, results);
  }

  @Test
  void aStoppingReplicaReleasesTheChunkBeforeStartingIt() {
    assertThat(work.run(CHUNK, () -> true)).isEqualTo(Outcome.RELEASE);

    verifyNoInteractions(engine, items, results);
  }

  @Test
  void anEngineThatIsNotReadyDefersTheChunkWithoutTouchingTheJob() {
    given(engine.ready()).willReturn(false);

    assertThat(work.run(CHUNK, RUNNING)).isEqualTo(Outcome.DEFER);

    verify(jobs, never()).markRunning(any(), any());
    verifyNoInteractions(items, results);
  }

  @Test
  void theFirstChunkOfAQueuedJobMarksItRunning() {
    given(jobs.status(JOB)).willReturn(Optional.of(JobStatus.QUEUED));
    pending();

    assertThat(work.run(CHUNK, RUNNING)).isEqualTo(Outcome.DONE);

    verify(jobs).markRunning(eq(JOB), any());
  }

  @Test
  void everyItemGetsOneResultSavedWithTheCounters() {
    pending(
        text(0, "a fine film"),
        new PendingItem(1, new Item("id-1", null, "the text is too long")),
        text(2, "   "));
    given(engine.analyze(eq(List.of("a fine film")), any(), eq(Priority.BULK), eq(false)))
        .willReturn(List.of(CompletableFuture.completedFuture(analysis(positive()))));
    given(engine.analyze(eq(List.of("   ")), any(), eq(Priority.BULK), eq(false)))
        .willReturn(List.of(CompletableFuture.failedFuture(EngineFailures.unreadable())));

    assertThat(work.run(CHUNK, RUNNING)).isEqualTo(Outcome.DONE);

    List<ItemResult> saved = saved();
    assertThat(saved)
        .containsExactly(
            ItemResult.ok(0, "id-0", "POSITIVE", 0.9),
            ItemResult.failed(1, "id-1", "the text is too long"),
            ItemResult.failed(2, "id-2", "the text has nothing the model can read"));
    verify(metrics).itemsDone(saved);
    // Items read as errors at upload never reach the engine.
    verify(engine, never())
        .analyze(
            argThat(texts -> texts.stream().anyMatch(t -> t == null)), any(), any(), eq(false));
  }

  @Test
  void aTextTheModelFailsOnFailsAloneAndTheChunkIsDone() {
    pending(text(0, "a fine film"), text(1, "poison"));
    given(engine.analyze(eq(List.of("a fine film")), any(), any(), eq(false)))
        .willReturn(List.of(CompletableFuture.completedFuture(analysis(positive()))));
    given(engine.analyze(eq(List.of("poison")), any(), any(), eq(false)))
        .willReturn(List.of(CompletableFuture.failedFuture(EngineFailures.inference())));

    assertThat(work.run(CHUNK, RUNNING)).isEqualTo(Outcome.DONE);

    assertThat(saved())
        .containsExactly(
            ItemResult.ok(0, "id-0", "POSITIVE", 0.9),
            ItemResult.failed(1, "id-1", "the model failed on this text"));
  }

  @Test
  void resultsAnotherRunAlreadySavedAreNotCountedTwice() {
    pending(text(0, "a fine film"));
    given(engine.analyze(anyList(), any(), any(), eq(false)))
        .willReturn(List.of(CompletableFuture.completedFuture(analysis(positive()))));
    given(results.save(eq(JOB), any(), any())).willReturn(false);

    assertThat(work.run(CHUNK, RUNNING)).isEqualTo(Outcome.DONE);

    verify(metrics, never()).itemsDone(any());
  }

  @Test
  void aMissedDeadlineDefersTheWholeChunkAndSavesNothing() {
    pending(text(0, "a fine film"), text(1, "too slow"));
    CompletableFuture<TextAnalysis> first = CompletableFuture.completedFuture(analysis(positive()));
    given(engine.analyze(eq(List.of("a fine film")), any(), any(), eq(false)))
        .willReturn(List.of(first));
    given(engine.analyze(eq(List.of("too slow")), any(), any(), eq(false)))
        .willReturn(List.of(CompletableFuture.failedFuture(EngineFailures.deadlineExceeded())));

    assertThat(work.run(CHUNK, RUNNING)).isEqualTo(Outcome.DEFER);

    verify(results, never()).save(any(), any(), any());
    verifyNoInteractions(metrics);
  }

  @Test
  void aReplicaThatStartsStoppingWhileWaitingReleasesTheChunkAndCancelsItsTexts() {
    pending(text(0, "a fine film"));
    CompletableFuture<TextAnalysis> neverAnswered = new CompletableFuture<>();
    given(engine.analyze(anyList(), any(), any(), eq(false))).willReturn(List.of(neverAnswered));
    // Running at the check before the chunk starts, stopping from the first wait on.
    AtomicInteger asked = new AtomicInteger();
    BooleanSupplier stopsOnceStarted = () -> asked.incrementAndGet() > 1;

    assertThat(work.run(CHUNK, stopsOnceStarted)).isEqualTo(Outcome.RELEASE);

    assertThat(neverAnswered).isCancelled();
    verify(results, never()).save(any(), any(), any());
  }

  @Test
  void anInterruptDuringAdmissionReleasesTheChunkAndIsClearedBeforeAnyDatabaseWork() {
    pending(text(0, "a fine film"));
    CompletableFuture<TextAnalysis> admitted = new CompletableFuture<>();
    given(engine.analyze(anyList(), any(), any(), eq(false)))
        .willAnswer(
            invocation -> {
              // What the scheduler's forced shutdown does to a thread blocked on a full bulk lane.
              Thread.currentThread().interrupt();
              return List.of(admitted);
            });

    Outcome outcome = work.run(CHUNK, RUNNING);
    boolean stillInterrupted = Thread.interrupted();

    assertThat(outcome).isEqualTo(Outcome.RELEASE);
    assertThat(stillInterrupted).as("interrupt flag left set").isFalse();
    assertThat(admitted).isCancelled();
    verify(results, never()).save(any(), any(), any());
  }
}
