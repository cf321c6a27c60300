package dev.sentiment.batch;

/** Where a job is in its life; only the statuses after {@link #UPLOADING} are ever shown. */
enum JobStatus {
  /** Its items are still being stored; invisible to clients until the submission commits. */
  UPLOADING,
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  /** Whether chunks of the job may still compute and store results. */
  boolean active() {
    return this == QUEUED || this == RUNNING;
  }

  /** Whether the job has reached its end; only such jobs expire. */
  boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
