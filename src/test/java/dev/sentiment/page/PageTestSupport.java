package dev.sentiment.page;

import dev.sentiment.HttpTestClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests share: the service on a random port with its batch data in a fresh folder,
 * ready before each test, and one Chromium per test, closed after it.
 */
abstract class PageTestSupport {

  static final Duration WAIT = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @TempDir Path files;
  HttpTestClient http;
  Chromium chromium;

  @BeforeEach
  void ready() {
    http = new HttpTestClient(port);
    http.awaitReady();
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }
}
