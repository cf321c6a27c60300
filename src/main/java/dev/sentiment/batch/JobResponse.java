package dev.sentiment.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The state of a job ({@code GET /analyze_batch/{id}}).
 *
 * @param id the job's id
 * @param status QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param total how many items the job has
 * @param processed how many items have a result, errors included
 * @param failed how many of those results are errors
 * @param createdAt when the job was submitted
 * @param startedAt when its first chunk started, if one has
 * @param finishedAt when it succeeded, failed or was cancelled, if it has
 */
record JobResponse(
    String id,
    @Schema(example = "RUNNING") JobStatus status,
    int total,
    int processed,
    int failed,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("started_at") Instant startedAt,
    @JsonProperty("finished_at") Instant finishedAt) {

  static JobResponse of(Job job) {
    return new JobResponse(
        job.id().toString(),
        job.status(),
        job.total(),
        job.processed(),
        job.failed(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt());
  }
}
