package dev.sentiment.batch;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code batch_result} table, written chunk by chunk and read as a stream. */
@Repository
class ResultStore {

  /** Rows the driver holds at once while a result stream is read. */
  private static final int FETCH_SIZE = 500;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final TransactionTemplate readOnly;

  ResultStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /**
   * Stores a chunk's results and adds them to the job's counters in one transaction, finishing the
   * job when its last item is counted. Returns false, storing nothing, if the job is no longer
   * active (cancelled, failed or purged). A result stored twice, by two runs of one chunk, breaks
   * the primary key and rolls the whole transaction back, so counters never count twice.
   */
  boolean save(UUID job, List<ItemResult> results, Instant now) {
    int failed = (int) results.stream().filter(r -> r.error() != null).count();
    Boolean saved =
        transaction.execute(
            status -> {
              insert(job, results);
              int updated =
                  jdbc.update(
                      "update batch_job set processed = processed + ?, failed = failed + ?,"
                          + " status = case when processed + ? >= total then ? else status end,"
                          + " finished_at = case when processed + ? >= total then ? else"
                          + " finished_at end where id = ? and status in (?, ?)",
                      results.size(),
                      failed,
                      results.size(),
                      JobStatus.SUCCEEDED.name(),
                      results.size(),
                      JobStore.time(now),
                      job,
                      JobStatus.QUEUED.name(),
                      JobStatus.RUNNING.name());
              if (updated == 0) {
                status.setRollbackOnly();
              }
              return updated == 1;
            });
    return Boolean.TRUE.equals(saved);
  }

  private void insert(UUID job, List<ItemResult> results) {
    jdbc.batchUpdate(
        "insert into batch_result (job_id, idx, item_id, sentiment, score, error)"
            + " values (?, ?, ?, ?, ?, ?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            ItemResult result = results.get(i);
            ps.setObject(1, job);
            ps.setInt(2, result.index());
            ps.setString(3, result.id());
            ps.setString(4, result.sentiment());
            if (result.score() == null) {
              ps.setNull(5, Types.DOUBLE);
            } else {
              ps.setDouble(5, result.score());
            }
            ps.setString(6, result.error());
          }

          @Override
          public int getBatchSize() {
            return results.size();
          }
        });
  }

  /**
   * Hands the job's results from index {@code offset} on, in index order, to {@code sink}, at most
   * {@code limit} of them (all when null). Rows come through a cursor {@value #FETCH_SIZE} at a
   * time (PostgreSQL needs a transaction for that; HSQLDB spills large results to disk), so memory
   * does not grow with the job. Item indexes are {@code INT}s: an offset past the largest one lists
   * nothing (where HSQLDB would refuse it as out of range), and a limit past it is no limit.
   *
   * <p>With {@code contiguous}, the listing stops before the first index that has no result, so it
   * has no gaps: while a job runs, its chunks finish in any order, and a client paging on from the
   * last index it saw would skip for good the results that fill a gap later. This costs no query of
   * its own: the rows come in index order, so a gap shows as an index not one past the last.
   */
  void stream(UUID job, long offset, Long limit, boolean contiguous, Consumer<ItemResult> sink) {
    if ((limit != null && limit == 0) || offset > Integer.MAX_VALUE) {
      return;
    }
    String sql =
        "select idx, item_id, sentiment, score, error from batch_result where job_id = ?"
            + " and idx >= ? order by idx"
            + (limit == null
                ? ""
                : " fetch first " + Math.min(limit, Integer.MAX_VALUE) + " rows only");
    readOnly.executeWithoutResult(
        status ->
            jdbc.query(
                connection -> {
                  PreparedStatement ps = connection.prepareStatement(sql);
                  ps.setFetchSize(FETCH_SIZE);
                  ps.setObject(1, job);
                  ps.setInt(2, (int) offset);
                  return ps;
                },
                (ResultSetExtractor<Void>)
                    rs -> {
                      for (long next = offset; rs.next(); next++) {
                        int index = rs.getInt(1);
                        if (contiguous && index != next) {
                          break;
                        }
                        sink.accept(result(index, rs));
                      }
                      return null;
                    }));
  }

  private static ItemResult result(int index, ResultSet rs) throws SQLException {
    String id = rs.getString(2);
    String sentiment = rs.getString(3);
    double score = rs.getDouble(4);
    Double scoreOrNull = rs.wasNull() ? null : score;
    return new ItemResult(index, id, sentiment, scoreOrNull, rs.getString(5));
  }
}
