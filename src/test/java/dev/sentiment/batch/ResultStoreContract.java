package dev.sentiment.batch;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * How stored results are listed, on a real database with the real migrations: once on HSQLDB and
 * once on PostgreSQL. Subclasses give the database.
 */
abstract class ResultStoreContract {

  JobStore jobs;
  ResultStore results;

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

  List<Integer> indexes(UUID job, long offset, Long limit) {
    List<Integer> listed = new ArrayList<>();
    results.stream(job, offset, limit, r -> listed.add(r.index()));
    return listed;
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
}
