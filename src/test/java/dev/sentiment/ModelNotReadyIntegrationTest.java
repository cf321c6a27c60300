package dev.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A model that cannot load keeps readiness DOWN and /analyze at 503, while liveness stays UP. */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "sentiment.inference.model-dir=/nonexistent/model")
class ModelNotReadyIntegrationTest {

  @LocalServerPort int port;

  @Test
  void readinessIsDownAndAnalyzeAnswers503() {
    HttpTestClient http = new HttpTestClient(port);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                http.postJson("/analyze", "{\"text\":\"hello\"}")
                    .body()
                    .contains("failed to load"));

    HttpResponse<String> readiness = http.get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(readiness.body())
        .contains("\"model\":{\"status\":\"DOWN\"}")
        .doesNotContain("/nonexistent");
    assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

    HttpResponse<String> answer = http.postJson("/analyze", "{\"text\":\"hello\"}");
    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    assertThat(answer.body())
        .contains("urn:sentiment:problem:model-not-ready")
        .doesNotContain("/nonexistent");
  }
}
