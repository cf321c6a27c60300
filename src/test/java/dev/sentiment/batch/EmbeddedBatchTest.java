package dev.sentiment.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API contract on the embedded HSQLDB file database in a fresh data folder. */
class EmbeddedBatchTest extends BatchApiContract {

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("batch-embedded-");
    registry.add("sentiment.batch.data-dir", dir::toString);
  }
}
