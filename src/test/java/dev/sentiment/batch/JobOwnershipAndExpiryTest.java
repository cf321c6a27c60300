package dev.sentiment.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With API keys on, a job belongs to the key that submitted it; finished jobs disappear after their
 * TTL, and abandoned submissions after the upload timeout.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "sentiment.batch.ttl=2s",
      "sentiment.batch.upload-timeout=2s",
      "sentiment.batch.cleanup-interval=1s",
      "sentiment.batch.polling-interval=200ms",
      "sentiment.security.api-keys.alice=" + JobOwnershipAndExpiryTest.ALICE,
      "sentiment.security.api-keys.bob=" + JobOwnershipAndExpiryTest.BOB
    })
@DirtiesContext
class JobOwnershipAndExpiryTest {

  static final String ALICE = "alice-secret-0123456789";
  static final String BOB = "bob-secret-9876543210";

  @LocalServerPort int port;
  @Autowired JobStore jobs;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("batch-expiry-");
    registry.add("sentiment.batch.data-dir", dir::toString);
  }

  @Test
  void aJobIsVisibleOnlyToTheKeyThatSubmittedIt() {
    BatchClient alice = new BatchClient(port, ALICE);
    BatchClient bob = new BatchClient(port, BOB);
    String body = "{\"texts\":[\"good\"]}";
    String id = alice.submit(alice.postJson(body, "shared-key"));

    for (String path : List.of("/analyze_batch/" + id, "/analyze_batch/" + id + "/results")) {
      assertThat(bob.get(path, null).statusCode()).isEqualTo(404);
      assertThat(alice.get(path, null).statusCode()).isEqualTo(200);
    }
    assertThat(bob.delete("/analyze_batch/" + id).statusCode()).isEqualTo(404);
    assertThat(new BatchClient(port).get("/analyze_batch/" + id, null).statusCode()).isEqualTo(401);
    // Idempotency keys are per caller too: the same key is a new job for another caller.
    assertThat(bob.submit(bob.postJson(body, "shared-key"))).isNotEqualTo(id);
  }

  @Test
  void finishedJobsAreDeletedAfterTheirTtl() {
    BatchClient client = new BatchClient(port, ALICE);
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
    assertThat(jobs.reserve(UUID.randomUUID(), "alice", key, Instant.now())).isTrue();

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(jobs.findByKey("alice", key)).isEmpty());
  }
}
