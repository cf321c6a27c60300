package dev.sentiment.batch;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code POST /analyze_batch}.
 *
 * @param id the job's id
 * @param status its status, {@code QUEUED} for a new job
 * @param total how many items it has
 */
record SubmitResponse(
    @Schema(example = "3f1c2a9e-8d4b-4c1e-9a57-2b6f0e4d7c10") String id,
    @Schema(example = "QUEUED") JobStatus status,
    @Schema(example = "1000") int total) {

  static SubmitResponse of(Job job) {
    return new SubmitResponse(job.id().toString(), job.status(), job.total());
  }
}
