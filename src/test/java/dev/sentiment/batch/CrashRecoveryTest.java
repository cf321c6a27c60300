package dev.sentiment.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A replica killed with SIGKILL mid-job and restarted on the same embedded database finishes the
 * job within 60 s of the restart, with exactly one result per item: chunks it had not started run
 * at once, and the ones it was computing are revived once their heartbeats are missed. A replica
 * stopped gracefully hands its chunks back instead, so nothing waits for that.
 */
class CrashRecoveryTest {

  static final int TEXTS = 3000;

  /** Slow enough that a job of a few thousand texts is surely mid-way when it is killed. */
  static final List<String> SLOW =
      List.of(
          "--sentiment.inference.workers=1",
          "--sentiment.inference.max-batch-size=2",
          "--sentiment.batch.chunk-size=50",
          "--sentiment.batch.threads=2");

  @TempDir Path dir;

  @Test
  void aKilledReplicaFinishesItsJobAfterARestart() throws IOException {
    String data = "--sentiment.batch.data-dir=" + dir.resolve("data");
    Path texts = BatchClient.textFile(dir, "texts.txt", TEXTS);
    String id;
    try (ServerProcess first = ServerProcess.start("crash-first", "384m", slow(data))) {
      BatchClient client = new BatchClient(first.port());
      id = client.submit(client.upload(texts, "text/plain", null));
      awaitProgress(client, id, TEXTS / 10);
      first.kill();
    }

    Instant restart = Instant.now();
    try (ServerProcess second = ServerProcess.start("crash-second", "384m", List.of(data))) {
      BatchClient client = new BatchClient(second.port());
      assertThat(client.status(id).path("processed").asInt()).isLessThan(TEXTS);

      JsonNode job = client.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(90));
      Duration finished = Duration.between(restart, Instant.now());
      // Printed for the reliability numbers in docs/reliability.md.
      System.out.println(
          "crash recovery: job finished " + finished.toMillis() + " ms after restart");
      assertThat(finished).isLessThan(Duration.ofSeconds(60));
      assertExactlyOneResultPerItem(client, id, job);
      second.stop();
    }
  }

  @Test
  void aStoppedReplicaHandsBackItsChunksAndLosesNothing() throws Exception {
    String data = "--sentiment.batch.data-dir=" + dir.resolve("data");
    Path texts = BatchClient.textFile(dir, "texts.txt", TEXTS);
    String id;
    try (ServerProcess first = ServerProcess.start("stop-first", "384m", slow(data))) {
      BatchClient client = new BatchClient(first.port());
      id = client.submit(client.upload(texts, "text/plain", null));
      awaitProgress(client, id, TEXTS / 10);
      first.stop();
    }
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:hsqldb:file:" + dir.resolve("data/batch/jobs") + ";shutdown=true");
        ResultSet picked =
            db.createStatement()
                .executeQuery("select count(*) from scheduled_tasks where picked = true")) {
      picked.next();
      assertThat(picked.getInt(1)).as("chunks still marked as running").isZero();
    }

    try (ServerProcess second = ServerProcess.start("stop-second", "384m", List.of(data))) {
      BatchClient client = new BatchClient(second.port());
      JsonNode job = client.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(60));
      assertExactlyOneResultPerItem(client, id, job);
      second.stop();
    }
  }

  static List<String> slow(String... more) {
    List<String> arguments = new ArrayList<>(SLOW);
    arguments.addAll(List.of(more));
    return arguments;
  }

  static void awaitProgress(BatchClient client, String id, int processed) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> client.status(id).path("processed").asInt() >= processed);
  }

  static void assertExactlyOneResultPerItem(BatchClient client, String id, JsonNode job) {
    assertThat(job.path("total").asInt()).isEqualTo(TEXTS);
    assertThat(job.path("processed").asInt()).isEqualTo(TEXTS);
    assertThat(job.path("failed").asInt()).isZero();
    List<JsonNode> results = client.results(id, null);
    assertThat(results.stream().map(r -> r.path("index").asInt()))
        .containsExactlyElementsOf(IntStream.range(0, TEXTS).boxed().toList());
    assertThat(results).allSatisfy(r -> assertThat(r.path("error").isNull()).isTrue());
  }
}
