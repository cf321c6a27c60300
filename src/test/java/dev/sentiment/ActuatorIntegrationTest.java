package dev.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The operational surface: probes, info, metrics, and nothing else exposed. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ActuatorIntegrationTest {

  @LocalServerPort int port;
  HttpTestClient http;

  @BeforeEach
  void ready() {
    http = new HttpTestClient(port);
    http.awaitReady();
  }

  @Test
  void probesAreUpOnceTheModelIsReady() {
    assertThat(http.get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
    HttpResponse<String> readiness = http.get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void infoNamesTheModel() {
    assertThat(http.get("/actuator/info").body())
        .contains("\"name\":\"sentiment-en\"")
        .contains("\"labels\":[\"NEGATIVE\",\"NEUTRAL\",\"POSITIVE\"]");
  }

  @Test
  void prometheusExportsTheServiceMetrics() {
    http.postJson("/analyze", "{\"text\":\"lovely\"}");
    assertThat(http.get("/actuator/prometheus").body())
        .containsPattern(
            "http_server_requests_seconds_count\\{[^}]*problem=\"none\"[^}]*uri=\"/analyze\"")
        .contains("sentiment_queue_wait_seconds_bucket")
        .contains("sentiment_inference_seconds_bucket")
        .contains("sentiment_batch_size_count")
        .contains("sentiment_queue_size{priority=\"interactive\"}")
        .contains("sentiment_predictions_total{label=")
        .contains("sentiment_input_tokens_count")
        .contains("http_server_requests_seconds_bucket")
        .contains("executor_active_threads")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void requestsAreCountedByTheProblemTheyWereAnsweredWith() {
    http.postJson("/analyze", "{}");
    assertThat(http.get("/actuator/prometheus").body())
        .containsPattern(
            "http_server_requests_seconds_count\\{[^}]*problem=\"invalid-request\"[^}]*status=\"400\"[^}]*uri=\"/analyze\"");
  }

  @Test
  void prometheusNamesNoFilePathOrClass() {
    String scrape = http.get("/actuator/prometheus").body();
    assertThat(scrape).contains("disk_free_bytes").contains("application_started_time_seconds");
    assertThat(scrape)
        .doesNotContain(Path.of("").toAbsolutePath().toString())
        .doesNotContain("path=\"")
        .doesNotContain("SentimentApplication");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/actuator/health/no-such-group",
        "/actuator/health/model/extra",
        "/actuator/health/readiness/x",
        "/actuator/health/no-such-group/deeper",
        "/actuator/health/readiness/x/y",
        "/actuator/health/a/b/c"
      })
  void unknownHealthPathsGetProblemJson(String path) {
    HttpResponse<String> response = http.get(path);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(response.body())
        .contains("urn:sentiment:problem:not-found")
        .contains("\"instance\":\"" + path + "\"");
  }

  @Test
  void knownHealthPathsKeepTheirOwnBodies() {
    HttpResponse<String> readiness = http.get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"").doesNotContain("problem");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/shutdown"})
  void exposesNoOtherEndpoint(String path) {
    HttpResponse<String> response = http.get(path);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void unknownPathsGetProblemJson() {
    HttpResponse<String> response = http.get("/no/such/thing");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("urn:sentiment:problem:not-found");
  }
}
