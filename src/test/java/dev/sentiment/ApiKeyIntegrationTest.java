package dev.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With API keys configured, everything but the health probes needs one. */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "sentiment.security.api-keys.alice=alice-secret-0123456789",
      "sentiment.security.api-keys.bob=bob-secret-9876543210"
    })
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyIntegrationTest {

  private static final String BODY = "{\"text\":\"a lovely day\"}";

  @LocalServerPort int port;
  HttpTestClient http;

  @BeforeEach
  void ready() {
    http = new HttpTestClient(port);
    http.awaitReady();
  }

  private HttpResponse<String> analyze(String header, String value) {
    HttpRequest.Builder request =
        http.request("/analyze")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY));
    if (header != null) {
      request.header(header, value);
    }
    return http.send(request.build());
  }

  @Test
  void refusesRequestsWithoutAValidKey() {
    for (HttpResponse<String> response :
        java.util.List.of(
            analyze(null, null),
            analyze("Authorization", "Bearer wrong"),
            analyze("X-API-Key", "alice-secret-012345678"),
            analyze("Authorization", "Basic YWxpY2U6c2VjcmV0"))) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(response.body()).contains("urn:sentiment:problem:unauthorized");
    }
  }

  @Test
  void acceptsABearerTokenOrAnApiKeyHeader() {
    assertThat(analyze("Authorization", "Bearer alice-secret-0123456789").statusCode())
        .isEqualTo(200);
    assertThat(analyze("X-API-Key", "bob-secret-9876543210").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> analyzeWith(String... headersAndValues) {
    HttpRequest.Builder request =
        http.request("/analyze")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY));
    for (int i = 0; i < headersAndValues.length; i += 2) {
      request.header(headersAndValues[i], headersAndValues[i + 1]);
    }
    return http.send(request.build());
  }

  /** Which of two keys would win must not depend on header order: several keys are refused. */
  @Test
  void refusesSeveralDifferentKeysWith400() {
    String alice = "alice-secret-0123456789";
    String bob = "bob-secret-9876543210";
    for (HttpResponse<String> response :
        java.util.List.of(
            analyzeWith("Authorization", "Bearer " + alice, "X-API-Key", bob),
            analyzeWith("X-API-Key", bob, "Authorization", "Bearer " + alice),
            analyzeWith("X-API-Key", alice, "X-API-Key", bob),
            analyzeWith("Authorization", "Bearer " + alice, "Authorization", "Bearer " + bob),
            analyzeWith("Authorization", "Bearer " + alice, "X-API-Key", "nope"))) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("urn:sentiment:problem:invalid-request");
    }
    assertThat(analyzeWith("Authorization", "Bearer " + alice, "X-API-Key", alice).statusCode())
        .isEqualTo(200);
  }

  @Test
  void leavesTheHealthProbesOpenAndGuardsTheRest() {
    assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
    assertThat(http.get("/actuator/info").statusCode()).isEqualTo(401);
    assertThat(http.get("/v3/api-docs").statusCode()).isEqualTo(401);
    HttpResponse<String> scrape =
        http.send(
            http.request("/actuator/prometheus")
                .header("Authorization", "Bearer alice-secret-0123456789")
                .build());
    assertThat(scrape.statusCode()).isEqualTo(200);
  }

  @Test
  void neverLogsASecret(CapturedOutput output) {
    analyze("Authorization", "Bearer alice-secret-0123456789");
    analyze("X-API-Key", "not-a-key-at-all-42");
    assertThat(output.getAll())
        .doesNotContain("alice-secret-0123456789")
        .doesNotContain("bob-secret-9876543210")
        .doesNotContain("not-a-key-at-all-42");
  }
}
