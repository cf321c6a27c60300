package dev.sentiment.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas on one PostgreSQL share a job; one is killed with SIGKILL while it computes chunks,
 * and the other takes them over within 60 s and finishes the job with one result per item.
 */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class PostgresFailoverTest {

  private final PostgresSchema schema = new PostgresSchema();
  @TempDir Path dir;

  @AfterEach
  void dropSchema() throws SQLException {
    schema.drop();
  }

  @Test
  void theSurvivingReplicaFinishesTheJob() throws IOException {
    String url = "--spring.datasource.url=" + schema.url();
    String schemas = "--spring.flyway.schemas=" + schema.name();
    Path texts = BatchClient.textFile(dir, "texts.txt", CrashRecoveryTest.TEXTS);
    try (ServerProcess doomed =
            ServerProcess.start("failover-a", "384m", CrashRecoveryTest.slow(url, schemas));
        ServerProcess survivor =
            ServerProcess.start("failover-b", "384m", CrashRecoveryTest.slow(url, schemas))) {
      BatchClient client = new BatchClient(survivor.port());
      String id = client.submit(new BatchClient(doomed.port()).upload(texts, "text/plain", null));
      CrashRecoveryTest.awaitProgress(client, id, CrashRecoveryTest.TEXTS / 10);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> chunksRunningOn(doomed) > 0);

      doomed.kill();
      Instant killed = Instant.now();

      JsonNode job = client.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(120));
      Duration finished = Duration.between(killed, Instant.now());
      // Printed for the reliability numbers in docs/reliability.md.
      System.out.println("failover: job finished " + finished.toMillis() + " ms after the kill");
      assertThat(finished).isLessThan(Duration.ofSeconds(60));
      CrashRecoveryTest.assertExactlyOneResultPerItem(client, id, job);
      survivor.stop();
    }
  }

  /** Chunks the replica has picked and is computing, as db-scheduler records them. */
  private int chunksRunningOn(ServerProcess replica) throws SQLException {
    try (Connection connection = DriverManager.getConnection(schema.url());
        PreparedStatement query =
            connection.prepareStatement(
                "select count(*) from scheduled_tasks where task_name = ? and picked"
                    + " and picked_by like ?")) {
      query.setString(1, ChunkRef.TASK_NAME);
      query.setString(2, "%-" + replica.pid() + "-%");
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
