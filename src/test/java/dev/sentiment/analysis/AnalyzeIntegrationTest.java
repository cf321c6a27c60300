package dev.sentiment.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentiment.HttpTestClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /analyze} end to end over a real port, with the built-in model. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class AnalyzeIntegrationTest {

  @LocalServerPort int port;
  HttpTestClient http;

  @BeforeEach
  void ready() {
    http = new HttpTestClient(port);
    http.awaitReady();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          What a fantastic, heartwarming film. I loved every minute! | POSITIVE
          Terrible. Boring plot, wooden acting, a total waste of money. | NEGATIVE
          """)
  void answersClearCasesCorrectly(String text, String label) {
    HttpResponse<String> response =
        http.postJson("/analyze", "{\"text\":\"" + text.replace("\"", "\\\"") + "\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(response.body())
        .contains("\"sentiment\":\"" + label + "\"")
        .contains("\"model\":\"sentiment-en\"")
        .contains("\"truncated\":false")
        .contains("\"probabilities\":{\"NEGATIVE\":");
  }

  @Test
  void aBurstOfImpossibleDeadlinesGetsOnly200408Or503AndSkipsExpiredWork() throws Exception {
    double skippedBefore = metric("sentiment_work_skipped_total\\{reason=\"expired\"\\}");
    ExecutorService clients = Executors.newFixedThreadPool(32);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String text = "request number " + i + " was " + "quite ".repeat(i % 40) + "good";
      answers.add(
          clients.submit(
              () -> http.postJson("/analyze?timeout_ms=1", "{\"text\":\"" + text + "\"}")));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.get();
      statuses.add(response.statusCode());
      if (response.statusCode() != 200) {
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValue("application/problem+json");
      }
    }
    clients.shutdown();

    assertThat(statuses).allMatch(s -> s == 200 || s == 408 || s == 503).contains(408);
    assertThat(metric("sentiment_work_skipped_total\\{reason=\"expired\"\\}"))
        .isGreaterThan(skippedBefore);
  }

  @Test
  void echoesTheCallersRequestId() {
    HttpResponse<String> response =
        http.send(
            http.request("/analyze")
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "trace-42")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"fine\"}"))
                .build());
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-42");
  }

  /** A scan of methods must not flood the log: the 405 problem tells the caller. */
  @Test
  void answers405WithoutAWarningPerRequest(CapturedOutput output) {
    HttpResponse<String> response = http.get("/analyze");
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body()).contains("urn:sentiment:problem:method-not-allowed");
    assertThat(output.getAll())
        .doesNotContain("PageNotFound")
        .doesNotContain("Request method 'GET'");
  }

  /** Multipart bodies are parsed only by the route that takes them (lazily), not for any path. */
  @ParameterizedTest
  @ValueSource(strings = {"multipart/form-data", "multipart/form-data; boundary=x"})
  void answers415ForMultipartWithOrWithoutABoundary(String contentType) {
    HttpResponse<String> response =
        http.send(
            http.request("/analyze")
                .header("Content-Type", contentType)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"fine\"}"))
                .build());
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).contains("urn:sentiment:problem:unsupported-media-type");
  }

  @Test
  void publishesTheOpenApiDocumentAndSwaggerUi() {
    HttpResponse<String> document = http.get("/v3/api-docs");
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("\"/analyze\"").contains("timeout_ms");
    // The answer is documented as what the pending answer completes with.
    assertThat(document.body())
        .contains("\"$ref\":\"#/components/schemas/AnalyzeResponse\"")
        .doesNotContain("PendingAnswer");
    // The error controller is plumbing, not an operation of the API.
    assertThat(document.body()).doesNotContain("\"/error\"");
    JsonNode api = JsonMapper.shared().readTree(document.body());
    assertThat(api.at("/info/title").asString()).isEqualTo("Sentiment analysis service");
    assertThat(api.at("/info/version").asString()).isNotBlank().isNotEqualTo("v0");
    assertThat(api.at("/info/description").asString()).contains("/analyze_batch");
    assertThat(api.at("/paths/~1analyze/post/tags/0").asString()).isEqualTo("analyze");
    assertThat(api.at("/paths/~1analyze_batch/post/tags/0").asString()).isEqualTo("batch jobs");
    JsonNode body = api.at("/paths/~1analyze/post/requestBody/content/application~1json");
    assertThat(body.at("/schema/oneOf").toString()).contains("OneText").contains("SeveralTexts");
    assertThat(body.at("/examples").size()).isEqualTo(2);
    assertThat(
            api.at("/paths/~1analyze/post/responses/200/content/application~1json/schema/oneOf")
                .toString())
        .contains("AnalyzeResponse")
        .contains("AnalyzeListResponse");
    assertThat(http.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
  }

  private double metric(String series) {
    String scrape = http.get("/actuator/prometheus").body();
    Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }
}
