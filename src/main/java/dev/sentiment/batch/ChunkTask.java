package dev.sentiment.batch;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The db-scheduler task that runs chunks. Any replica may pick a chunk; one whose replica died
 * stops heartbeating and is revived elsewhere. A chunk the engine cannot take now is deferred
 * without counting as a failure; one that fails {@code max-chunk-attempts} times in a row, with
 * growing pauses, fails its job.
 */
final class ChunkTask {

  private static final Logger log = LoggerFactory.getLogger(ChunkTask.class);
  private static final Duration DEFER = Duration.ofSeconds(2);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  private final ChunkWork work;
  private final JobStore jobs;
  private final BatchProperties properties;

  ChunkTask(ChunkWork work, JobStore jobs, BatchProperties properties) {
    this.work = work;
    this.jobs = jobs;
    this.properties = properties;
  }

  CustomTask<Void> task() {
    return Tasks.custom(ChunkRef.TASK_NAME, Void.class)
        .onFailure(this::failed)
        .onDeadExecutionRevive()
        .execute(this::execute);
  }

  private CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
    ChunkRef chunk = ChunkRef.parse(instance.getId());
    return switch (work.run(chunk, () -> context.getSchedulerState().isShuttingDown())) {
      case DONE -> new CompletionHandler.OnCompleteRemove<>();
      case DEFER ->
          (complete, operations) -> operations.reschedule(complete, Instant.now().plus(DEFER));
      case RELEASE -> (complete, operations) -> operations.reschedule(complete, Instant.now());
    };
  }

  private void failed(ExecutionComplete complete, ExecutionOperations<Void> operations) {
    ChunkRef chunk = ChunkRef.parse(complete.getExecution().taskInstance.getId());
    int attempts = complete.getExecution().consecutiveFailures + 1;
    Throwable cause = complete.getCause().orElse(null);
    if (attempts >= properties.maxChunkAttempts()) {
      log.error("Chunk {} failed {} times; its job fails", chunk.instanceId(), attempts, cause);
      jobs.finish(chunk.job(), JobStatus.FAILED, Instant.now());
      operations.remove();
      return;
    }
    Duration pause = Duration.ofSeconds(1L << Math.min(attempts, 6));
    pause = pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
    log.warn(
        "Chunk {} failed (attempt {}); retrying in {}", chunk.instanceId(), attempts, pause, cause);
    operations.reschedule(complete, Instant.now().plus(pause));
  }
}
