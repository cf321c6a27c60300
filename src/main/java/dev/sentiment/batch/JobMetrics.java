package dev.sentiment.batch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code sentiment.jobs{status}}: jobs by status, from one grouped count shared by all statuses and
 * refreshed at most every {@value #REFRESH_SECONDS} s, so scrapes never load the database. With
 * several replicas on PostgreSQL every replica reports the same, global numbers. {@code
 * sentiment.job.items{outcome}}: items this replica finished, {@code ok} or {@code error}.
 */
@Component
class JobMetrics {

  private static final long REFRESH_SECONDS = 10;

  private final JobStore jobs;
  private final Counter ok;
  private final Counter error;
  private Map<JobStatus, Long> counts = Map.of();
  private long countedAt;

  JobMetrics(JobStore jobs, MeterRegistry registry) {
    this.jobs = jobs;
    for (JobStatus status : JobStatus.values()) {
      if (status != JobStatus.UPLOADING) {
        Gauge.builder("sentiment.jobs", () -> count(status))
            .description("Batch jobs by status")
            .tag("status", status.name())
            .register(registry);
      }
    }
    ok = items(registry, "ok");
    error = items(registry, "error");
  }

  private static Counter items(MeterRegistry registry, String outcome) {
    return Counter.builder("sentiment.job.items")
        .description("Batch items finished, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  void itemsDone(List<ItemResult> results) {
    long failed = results.stream().filter(r -> r.error() != null).count();
    error.increment(failed);
    ok.increment(results.size() - failed);
  }

  private synchronized long count(JobStatus status) {
    long now = System.nanoTime();
    if (countedAt == 0 || now - countedAt > Duration.ofSeconds(REFRESH_SECONDS).toNanos()) {
      counts = jobs.countByStatus();
      countedAt = now;
    }
    return counts.getOrDefault(status, 0L);
  }
}
