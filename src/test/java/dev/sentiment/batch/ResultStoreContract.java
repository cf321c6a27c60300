package dev.sentiment.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * How stored results are listed, from the job's status to the rows, on a real database with the
 * real migrations: once on HSQLDB and once on PostgreSQL. Subclasses give the database.
 */
abstract class ResultStoreContract {

  JobStore jobs;
  ResultStore results;
  JobService service;

  /** A data source of an empty database of this vendor, and the vendor's migration folder. */
  abstract DataSource dataSource();

  abstract String vendor();

  /** Flyway's settings beyond the data source and migrations, such as a schema of its own. */
  void configure(org.flywaydb.core.api.configuration.FluentConfiguration flyway) {}

  @BeforeEach
  void stores() {
    DataSource dataSource = dataSource();
    var flyway =
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor());
    configure(flyway);
    flyway.load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    jobs = new JobStore(jdbc);
    results = new ResultStore(jdbc, transactions);
    service = new JobService(jobs, results, JsonMapper.shared());
  }

  /** A queued job of {@code total} items. */
  UUID job(int total) {
    UUID id = UUID.randomUUID();
    assertThat(jobs.reserve(id, "anonymous", null, Instant.now())).isTrue();
    assertThat(jobs.markQueued(id, total, "hash")).isTrue();
    return id;
  }

  /** Stores results for the items {@code [from, to)}, as one chunk does. */
  void complete(UUID job, int from, int to) {
    List<ItemResult> chunk = new ArrayList<>();
    for (int i = from; i < to; i++) {
      chunk.add(ItemResult.ok(i, "id" + i, "POSITIVE", 0.9));
    }
    assertThat(results.save(job, chunk, Instant.now())).isTrue();
  }

  /** The indexes a client reading the job's results now is given. */
  List<Integer> indexes(UUID job, long offset, Long limit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    service.writeResults(
        jobs.find(job, "anonymous").orElseThrow(), offset, limit, ResultFormat.NDJSON, out);
    return out.toString(StandardCharsets.UTF_8)
        .lines()
        .map(line -> JsonMapper.shared().readTree(line).path("index").asInt())
        .toList();
  }

  @Test
  void offsetsPastTheLargestIndexListNothing() {
    UUID job = job(3);
    complete(job, 0, 3);

    assertThat(indexes(job, Integer.MAX_VALUE, null)).isEmpty();
    assertThat(indexes(job, Integer.MAX_VALUE + 1L, null)).isEmpty();
    assertThat(indexes(job, 999_999_999_999_999_999L, 10L)).isEmpty();
  }

  @Test
  void limitsPastTheLargestCountListEverything() {
    UUID job = job(3);
    complete(job, 0, 3);

    assertThat(indexes(job, 1, Integer.MAX_VALUE + 1L)).containsExactly(1, 2);
    assertThat(indexes(job, 0, 999_999_999_999_999_999L)).containsExactly(0, 1, 2);
    assertThat(indexes(job, 0, 2L)).containsExactly(0, 1);
  }

  /**
   * Chunks finish out of order, so while a job runs its results can have gaps; a client paging on
   * from the last index it saw would skip what fills them later.
   */
  @Test
  void whileAJobRunsTheListingStopsAtTheFirstItemWithoutAResult() {
    UUID job = job(8);
    jobs.markRunning(job, Instant.now());
    complete(job, 4, 6);

    assertThat(indexes(job, 0, null)).isEmpty();
    assertThat(indexes(job, 4, null)).containsExactly(4, 5);
    complete(job, 0, 2);
    assertThat(indexes(job, 0, null)).containsExactly(0, 1);
    assertThat(indexes(job, 1, 5L)).containsExactly(1);
    complete(job, 2, 4);
    assertThat(indexes(job, 0, null)).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(indexes(job, 3, 2L)).containsExactly(3, 4);
  }

  @Test
  void aFinishedJobListsEveryResultItHas() {
    UUID job = job(6);
    complete(job, 0, 2);
    complete(job, 4, 6);
    assertThat(indexes(job, 0, null)).containsExactly(0, 1);

    assertThat(jobs.finish(job, JobStatus.CANCELLED, Instant.now())).isTrue();

    assertThat(indexes(job, 0, null)).containsExactly(0, 1, 4, 5);
    assertThat(indexes(job, 2, null)).containsExactly(4, 5);
    // A chunk still computing when the job was cancelled stores nothing.
    assertThat(results.save(job, List.of(ItemResult.ok(2, null, "POSITIVE", 0.9)), Instant.now()))
        .isFalse();
    assertThat(indexes(job, 0, null)).containsExactly(0, 1, 4, 5);
  }
}
