package dev.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A flood far beyond capacity (a small interactive queue, 96 clients without pause): only 200, 408
 * and 503 come back, every 503 says when to retry, the answered requests met their deadline, and
 * the service is ready and answering again the moment the flood stops.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"sentiment.inference.queue-capacity=16", "server.tomcat.threads.max=128"})
class OverloadIntegrationTest {

  private static final int DEADLINE_MS = 2000;

  @LocalServerPort int port;

  record Outcome(int status, long millis, String retryAfter) {}

  @Test
  void floodGetsOnly200408Or503AndTheServiceRecoversAtOnce() throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    http.awaitReady();
    ExecutorService clients = Executors.newFixedThreadPool(96);
    List<Future<Outcome>> futures = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String text = "flood " + i + " " + "a thoroughly enjoyable, clever comedy ".repeat(1 + i % 8);
      futures.add(
          clients.submit(
              () -> {
                long start = System.nanoTime();
                HttpResponse<String> response =
                    http.postJson(
                        "/analyze?timeout_ms=" + DEADLINE_MS, "{\"text\":\"" + text + "\"}");
                return new Outcome(
                    response.statusCode(),
                    (System.nanoTime() - start) / 1_000_000,
                    response.headers().firstValue("Retry-After").orElse(null));
              }));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> future : futures) {
      outcomes.add(future.get());
    }
    clients.shutdown();

    assertThat(outcomes)
        .extracting(Outcome::status)
        .allMatch(s -> s == 200 || s == 408 || s == 503);
    assertThat(outcomes).extracting(Outcome::status).contains(200, 503);
    assertThat(outcomes)
        .filteredOn(o -> o.status() == 503)
        .allSatisfy(o -> assertThat(Integer.parseInt(o.retryAfter())).isPositive());
    // An answer is either in time or a 408; a small margin covers the trip back to the client.
    assertThat(outcomes)
        .filteredOn(o -> o.status() == 200)
        .allSatisfy(o -> assertThat(o.millis()).isLessThan(DEADLINE_MS + 1000));

    long start = System.nanoTime();
    assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(http.postJson("/analyze", "{\"text\":\"calm again\"}").statusCode()).isEqualTo(200);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
  }
}
