package dev.sentiment.batch;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes jobs whose TTL has passed since they finished, and submissions abandoned before they
 * committed. A recurring db-scheduler task, so with several replicas only one runs it at a time.
 */
final class CleanupTask {

  static final String NAME = "batch-cleanup";
  private static final Logger log = LoggerFactory.getLogger(CleanupTask.class);
  private static final int JOBS_PER_PASS = 100;

  private final JobStore jobs;
  private final BatchProperties properties;

  CleanupTask(JobStore jobs, BatchProperties properties) {
    this.jobs = jobs;
    this.properties = properties;
  }

  RecurringTask<Void> task() {
    return Tasks.recurring(NAME, Schedules.fixedDelay(properties.cleanupInterval()))
        .execute((instance, context) -> purgeExpired());
  }

  /** Deletes what has expired; returns how many jobs that was. */
  int purgeExpired() {
    Instant now = Instant.now();
    int purged = 0;
    List<UUID> expired;
    do {
      expired =
          jobs.expired(
              now.minus(properties.ttl()), now.minus(properties.uploadTimeout()), JOBS_PER_PASS);
      expired.forEach(jobs::purge);
      purged += expired.size();
    } while (expired.size() == JOBS_PER_PASS);
    if (purged > 0) {
      log.info("Deleted {} expired batch jobs", purged);
    }
    return purged;
  }
}
