package dev.sentiment.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code batch_job} table: a job's status and counters. Every status change is one guarded
 * {@code UPDATE}, so replicas racing on the same job cannot move it backwards.
 */
@Repository
class JobStore {

  private static final String COLUMNS =
      "id, owner, status, total, processed, failed, content_hash, created_at, started_at,"
          + " finished_at";

  /** Rows per delete statement when a job is purged, so no transaction grows with the job. */
  private static final int PURGE_STEP = 10_000;

  private final JdbcTemplate jdbc;

  JobStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** The job if it exists, belongs to {@code owner} and its submission has committed. */
  Optional<Job> find(UUID id, String owner) {
    return jdbc
        .query(
            "select " + COLUMNS + " from batch_job where id = ? and owner = ? and status <> ?",
            JobStore::job,
            id,
            owner,
            JobStatus.UPLOADING.name())
        .stream()
        .findFirst();
  }

  /** The job submitted by {@code owner} with this idempotency key, in whatever status. */
  Optional<Job> findByKey(String owner, String key) {
    return jdbc
        .query(
            "select " + COLUMNS + " from batch_job where owner = ? and idempotency_key = ?",
            JobStore::job,
            owner,
            key)
        .stream()
        .findFirst();
  }

  /**
   * Creates the job in status {@link JobStatus#UPLOADING}; false when {@code owner} already has a
   * job with this idempotency key.
   */
  boolean reserve(UUID id, String owner, String key, Instant now) {
    try {
      jdbc.update(
          "insert into batch_job (id, owner, status, total, processed, failed, idempotency_key,"
              + " created_at) values (?, ?, ?, 0, 0, 0, ?, ?)",
          id,
          owner,
          JobStatus.UPLOADING.name(),
          key,
          time(now));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Makes an uploaded job visible and runnable; false if it was purged meanwhile. */
  boolean markQueued(UUID id, int total, String contentHash) {
    return jdbc.update(
            "update batch_job set status = ?, total = ?, content_hash = ? where id = ? and status"
                + " = ?",
            JobStatus.QUEUED.name(),
            total,
            contentHash,
            id,
            JobStatus.UPLOADING.name())
        == 1;
  }

  Optional<JobStatus> status(UUID id) {
    return jdbc.queryForList("select status from batch_job where id = ?", String.class, id).stream()
        .findFirst()
        .map(JobStatus::valueOf);
  }

  void markRunning(UUID id, Instant now) {
    jdbc.update(
        "update batch_job set status = ?, started_at = ? where id = ? and status = ?",
        JobStatus.RUNNING.name(),
        time(now),
        id,
        JobStatus.QUEUED.name());
  }

  /** Moves an active job to {@code status}; false if it had already finished. */
  boolean finish(UUID id, JobStatus status, Instant now) {
    int updated =
        jdbc.update(
            "update batch_job set status = ?, finished_at = ? where id = ? and status in (?, ?)",
            status.name(),
            time(now),
            id,
            JobStatus.QUEUED.name(),
            JobStatus.RUNNING.name());
    if (updated == 1) {
      // Chunks not yet picked are dropped; a running one sees the status when it stores results.
      jdbc.update(
          "delete from scheduled_tasks where task_name = ? and task_instance like ? and picked = ?",
          ChunkRef.TASK_NAME,
          id + ChunkRef.SEPARATOR + "%",
          false);
    }
    return updated == 1;
  }

  /** Finished jobs past their TTL and uploads abandoned before they committed. */
  List<UUID> expired(Instant finishedBefore, Instant uploadStartedBefore, int limit) {
    return jdbc.query(
        "select id from batch_job where (status in (?, ?, ?) and finished_at < ?)"
            + " or (status = ? and created_at < ?) fetch first "
            + limit
            + " rows only",
        (rs, row) -> rs.getObject(1, UUID.class),
        JobStatus.SUCCEEDED.name(),
        JobStatus.FAILED.name(),
        JobStatus.CANCELLED.name(),
        time(finishedBefore),
        JobStatus.UPLOADING.name(),
        time(uploadStartedBefore));
  }

  /** Deletes a job and everything it stored, in steps, then the job row itself. */
  void purge(UUID id) {
    Integer last =
        jdbc.queryForObject("select max(idx) from batch_item where job_id = ?", Integer.class, id);
    for (int from = 0; last != null && from <= last; from += PURGE_STEP) {
      for (String table : List.of("batch_result", "batch_item")) {
        jdbc.update(
            "delete from " + table + " where job_id = ? and idx >= ? and idx < ?",
            id,
            from,
            from + PURGE_STEP);
      }
    }
    jdbc.update(
        "delete from scheduled_tasks where task_name = ? and task_instance like ?",
        ChunkRef.TASK_NAME,
        id + ChunkRef.SEPARATOR + "%");
    jdbc.update("delete from batch_job where id = ?", id);
  }

  /** Visible jobs by status, for the {@code sentiment.jobs} gauge. */
  Map<JobStatus, Long> countByStatus() {
    Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    jdbc.query(
        "select status, count(*) from batch_job group by status",
        rs -> {
          counts.put(JobStatus.valueOf(rs.getString(1)), rs.getLong(2));
        });
    return counts;
  }

  private static Job job(ResultSet rs, int row) throws SQLException {
    return new Job(
        rs.getObject("id", UUID.class),
        rs.getString("owner"),
        JobStatus.valueOf(rs.getString("status")),
        rs.getInt("total"),
        rs.getInt("processed"),
        rs.getInt("failed"),
        rs.getString("content_hash"),
        instant(rs, "created_at"),
        instant(rs, "started_at"),
        instant(rs, "finished_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }
}
