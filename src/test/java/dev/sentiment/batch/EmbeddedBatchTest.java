package dev.sentiment.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API contract on the embedded HSQLDB file database in a fresh data folder. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "sentiment.batch.chunk-size=64",
      "sentiment.batch.polling-interval=200ms",
      "management.endpoints.web.exposure.include=prometheus"
    })
@DirtiesContext
class EmbeddedBatchTest extends BatchApiContract {

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("batch-embedded-");
    registry.add("sentiment.batch.data-dir", dir::toString);
  }
}
