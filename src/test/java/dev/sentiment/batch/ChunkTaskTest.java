package dev.sentiment.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.github.kagkarlsson.scheduler.SchedulerState;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

/**
 * How {@link ChunkTask} turns a chunk's outcome and its failures into db-scheduler operations: done
 * chunks are removed, deferred ones come back in 2 s, released ones at once; a failing chunk is
 * retried with doubling pauses up to a minute, and after {@code max-chunk-attempts} failures in a
 * row its job fails.
 */
class ChunkTaskTest {

  private static final int MAX_ATTEMPTS = 4;
  private static final ChunkRef CHUNK =
      new ChunkRef(UUID.fromString("00000000-0000-0000-0000-000000000002"), 256, 512);

  private final ChunkWork work = mock(ChunkWork.class);
  private final JobStore jobs = mock(JobStore.class);
  private final SchedulerState scheduler = mock(SchedulerState.class);
  private final ExecutionContext context = mock(ExecutionContext.class);

  @SuppressWarnings("unchecked")
  private final ExecutionOperations<Void> operations = mock(ExecutionOperations.class);

  private final CustomTask<Void> task = new ChunkTask(work, jobs, properties(MAX_ATTEMPTS)).task();

  /** The settings ChunkTask reads: only max-chunk-attempts. */
  private static BatchProperties properties(int maxChunkAttempts) {
    return new BatchProperties(
        256, 100, null, 100, null, null, null, 1, null, null, 2, null, null, maxChunkAttempts);
  }

  private static TaskInstance<Void> instance() {
    return new TaskInstance<>(ChunkRef.TASK_NAME, CHUNK.instanceId());
  }

  private static ExecutionComplete failure(int consecutiveFailures) {
    Execution execution =
        new Execution(
            Instant.now(),
            instance(),
            true,
            "replica-a",
            null,
            null,
            consecutiveFailures,
            Instant.now(),
            1);
    return ExecutionComplete.failure(
        execution, Instant.now(), Instant.now(), new IllegalStateException("database down"));
  }

  /** Runs the task on an outcome and completes it; returns the complete handed to the handler. */
  private ExecutionComplete runWith(ChunkWork.Outcome outcome) {
    given(work.run(eq(CHUNK), any())).willReturn(outcome);
    CompletionHandler<Void> handler = task.execute(instance(), context);
    ExecutionComplete complete =
        ExecutionComplete.success(
            new Execution(Instant.now(), instance()), Instant.now(), Instant.now());
    handler.complete(complete, operations);
    return complete;
  }

  @Test
  void theChunkIsParsedFromTheInstanceIdAndStopsWhenTheSchedulerShutsDown() {
    given(context.getSchedulerState()).willReturn(scheduler);
    runWith(ChunkWork.Outcome.DONE);
    ArgumentCaptor<BooleanSupplier> stopping = ArgumentCaptor.forClass(BooleanSupplier.class);
    verify(work).run(eq(CHUNK), stopping.capture());

    given(scheduler.isShuttingDown()).willReturn(false);
    assertThat(stopping.getValue().getAsBoolean()).isFalse();
    given(scheduler.isShuttingDown()).willReturn(true);
    assertThat(stopping.getValue().getAsBoolean()).isTrue();
  }

  @Test
  void aDoneChunkIsRemoved() {
    runWith(ChunkWork.Outcome.DONE);

    // db-scheduler 16 removes a finished one-time execution through stop().
    verify(operations).stop();
    verify(operations, never()).reschedule(any(), any());
  }

  @Test
  void aDeferredChunkComesBackInTwoSecondsWithoutCountingAsAFailure() {
    Instant before = Instant.now();
    ExecutionComplete complete = runWith(ChunkWork.Outcome.DEFER);
    Instant after = Instant.now();

    ArgumentCaptor<Instant> at = ArgumentCaptor.forClass(Instant.class);
    verify(operations).reschedule(eq(complete), at.capture());
    // The pause is added to a clock read during the call, so the time lies in this window.
    assertThat(at.getValue()).isBetween(before.plusSeconds(2), after.plusSeconds(2));
    verify(operations, never()).remove();
    verify(operations, never()).stop();
    verifyNoInteractions(jobs);
  }

  @Test
  void aReleasedChunkIsDueAtOnceForAnyReplica() {
    Instant before = Instant.now();
    ExecutionComplete complete = runWith(ChunkWork.Outcome.RELEASE);
    Instant after = Instant.now();

    ArgumentCaptor<Instant> at = ArgumentCaptor.forClass(Instant.class);
    verify(operations).reschedule(eq(complete), at.capture());
    assertThat(at.getValue()).isBetween(before, after);
    verify(operations, never()).remove();
    verify(operations, never()).stop();
  }

  @ParameterizedTest(name = "failure {0} in a row waits {1} s")
  @CsvSource({"1, 2", "2, 4", "3, 8"})
  void aFailingChunkIsRetriedWithDoublingPauses(int attempt, long seconds) {
    ExecutionComplete complete = failure(attempt - 1);

    Instant before = Instant.now();
    task.getFailureHandler().onFailure(complete, operations);
    Instant after = Instant.now();

    ArgumentCaptor<Instant> at = ArgumentCaptor.forClass(Instant.class);
    verify(operations).reschedule(eq(complete), at.capture());
    assertThat(at.getValue()).isBetween(before.plusSeconds(seconds), after.plusSeconds(seconds));
    verify(operations, never()).remove();
    verify(operations, never()).stop();
    verifyNoInteractions(jobs);
  }

  @Test
  void theJobFailsOnTheLastAllowedAttemptAndTheChunkIsRemoved() {
    task.getFailureHandler().onFailure(failure(MAX_ATTEMPTS - 1), operations);

    verify(jobs).finish(eq(CHUNK.job()), eq(JobStatus.FAILED), any());
    verify(operations).remove();
    verify(operations, never()).reschedule(any(), any());
  }

  @Test
  void theAttemptBeforeTheLastIsStillRetried() {
    task.getFailureHandler().onFailure(failure(MAX_ATTEMPTS - 2), operations);

    verify(jobs, never()).finish(any(), any(), any());
    verify(operations).reschedule(any(), any());
  }

  @Test
  void pausesStopGrowingAtOneMinute() {
    // Enough attempts allowed that the doubling would pass a minute: 2^6 s = 64 s.
    CustomTask<Void> patient = new ChunkTask(work, jobs, properties(100)).task();
    for (int attempt : new int[] {6, 7, 40}) {
      ExecutionComplete complete = failure(attempt - 1);
      @SuppressWarnings("unchecked")
      ExecutionOperations<Void> ops = mock(ExecutionOperations.class);

      Instant before = Instant.now();
      patient.getFailureHandler().onFailure(complete, ops);
      Instant after = Instant.now();

      ArgumentCaptor<Instant> at = ArgumentCaptor.forClass(Instant.class);
      verify(ops).reschedule(eq(complete), at.capture());
      assertThat(at.getValue())
          .as("attempt %d", attempt)
          .isBetween(before.plusSeconds(60), after.plusSeconds(60));
    }
    verifyNoInteractions(jobs);
  }
}
