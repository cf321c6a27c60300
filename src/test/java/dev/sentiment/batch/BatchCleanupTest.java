package dev.sentiment.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Finished jobs disappear after their TTL, and abandoned submissions after the upload timeout. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "sentiment.batch.ttl=2s",
      "sentiment.batch.upload-timeout=2s",
      "sentiment.batch.cleanup-interval=1s",
      "sentiment.batch.polling-interval=200ms"
    })
@DirtiesContext
class BatchCleanupTest {

  @LocalServerPort int port;
  @Autowired JobStore jobs;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("batch-cleanup-");
    registry.add("sentiment.batch.data-dir", dir::toString);
  }

  @Test
  void finishedJobsAreDeletedAfterTheirTtl() {
    BatchClient client = new BatchClient(port);
    String id = client.submit(client.postJson("{\"texts\":[\"good\",\"bad\"]}", null));
    client.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(60));

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(client.get("/analyze_batch/" + id, null).statusCode()).isEqualTo(404));
    assertThat(client.get("/analyze_batch/" + id + "/results", null).statusCode()).isEqualTo(404);
  }

  @Test
  void abandonedSubmissionsAreDeleted() {
    String key = "abandoned-" + UUID.randomUUID();
    assertThat(jobs.reserve(UUID.randomUUID(), "anonymous", key, Instant.now())).isTrue();

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(jobs.findByKey("anonymous", key)).isEmpty());
  }
}
