package dev.sentiment.batch;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code batch_job}. */
record Job(
    UUID id,
    String owner,
    JobStatus status,
    int total,
    int processed,
    int failed,
    String contentHash,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {}
