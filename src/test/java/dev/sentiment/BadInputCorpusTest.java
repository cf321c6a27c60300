package dev.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentiment.BadRequests.BadRequest;
import dev.sentiment.web.problem.Problems;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hundreds of bad requests against every endpoint: each gets a 4xx problem+json answer with a clear
 * message, never a 5xx, and no internal detail (stack trace, class name, SQL, file path).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class BadInputCorpusTest {

  private static final int ONE_MIB = 1024 * 1024;

  @LocalServerPort int port;

  @Autowired JdbcTemplate jdbc;
  String existingJob;
  long jobsBefore;

  @BeforeAll
  void ready() {
    HttpTestClient http = new HttpTestClient(port);
    http.awaitReady();
    String answer = http.postJson("/analyze_batch", "{\"texts\":[\"a good one\"]}").body();
    existingJob = answer.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    jobsBefore = jobs();
  }

  private long jobs() {
    return jdbc.queryForObject("select count(*) from batch_job", Long.class);
  }

  List<BadRequest> corpus() {
    BadRequests corpus = new BadRequests();
    corpus
        .jsonBodies("/analyze", "POST", "/analyze", "text")
        .contentTypes("/analyze", "POST", "/analyze", "text")
        .oversized("/analyze", "POST", "/analyze", "text", ONE_MIB)
        .absurdHeaders("/analyze", "POST", "/analyze");
    for (String timeout :
        new String[] {"0", "-1", "abc", "1.5", "1e3", "99999999999", "", "5001", "%00", "1,2"}) {
      corpus.json(
          "/analyze timeout_ms=" + timeout,
          "POST",
          "/analyze?timeout_ms=" + timeout,
          BadRequests.utf8("{\"text\":\"fine\"}"));
    }
    for (String query :
        new String[] {"timeout_ms=%zz", "timeout_ms=1%", "timeout_ms=%ff", "x=%zz", "%zz=1"}) {
      corpus.json(
          "/analyze query " + query,
          "POST",
          "/analyze?" + query,
          BadRequests.utf8("{\"text\":\"fine\"}"));
    }
    corpus.json(
        "/analyze timeout_ms in full-width digits",
        "POST",
        "/analyze?timeout_ms=%EF%BC%91%EF%BC%90%EF%BC%90",
        BadRequests.utf8("{\"text\":\"fine\"}"));
    for (String accept :
        new String[] {
          "garbage", "application/json;q=abc", "text/html", "application/json;q=0", "*/*;q=0"
        }) {
      corpus.add(
          "/analyze Accept " + accept,
          "POST",
          "/analyze",
          BadRequests.headers("Content-Type", "application/json", "Accept", accept),
          BadRequests.utf8("{\"text\":\"fine\"}"));
    }
    for (String invisible :
        new String[] {"\\u00a0", "\\u200b", "\\ufeff", "\\u0000", "\\u0085", "\\u202f\\u2007"}) {
      corpus.json(
          "/analyze text of invisible characters " + invisible,
          "POST",
          "/analyze",
          BadRequests.utf8("{\"text\":\"" + invisible + "\"}"));
    }
    corpus.add(
        "/analyze multipart without boundary",
        "POST",
        "/analyze",
        BadRequests.headers("Content-Type", "multipart/form-data"),
        BadRequests.utf8("{\"text\":\"fine\"}"));
    for (String method : new String[] {"GET", "PUT", "DELETE", "PATCH", "TRACE"}) {
      corpus.json(
          "/analyze method " + method, method, "/analyze", BadRequests.utf8("{\"text\":\"a\"}"));
    }
    corpus.batchSubmissions("/analyze_batch").jobLookups("/analyze_batch", existingJob);
    corpus.oversized("/analyze_batch", "POST", "/analyze_batch", "texts", 512 * ONE_MIB / 256);
    for (String path :
        new String[] {
          "/index.htm",
          "/console/no-such-file.js",
          "/analyse",
          "/analyze/extra",
          "/actuator/env",
          "/actuator/beans",
          "/actuator/heapdump",
          "/..%2f..%2fetc/passwd",
          "/WEB-INF/web.xml",
          "/%2e%2e/",
          "/error",
          "/actuator/health/../env",
          "/actuator/health/./model",
          "/actuator/health/%2e%2e/env",
          "/actuator/health/no-such-group",
          "/actuator/health/model/extra",
          "/actuator/health/no-such-group/deeper",
          "/actuator/health/readiness/x/y",
          "/actuator/health?x=%zz",
          "/actuator/info?x=%zz"
        }) {
      corpus.add("unknown path " + path, "GET", path, BadRequests.headers(), null);
    }
    // / is the web console's page, for requests that accept HTML.
    corpus.add(
        "/ Accept JSON", "GET", "/", BadRequests.headers("Accept", "application/json"), null);
    return corpus.all();
  }

  @Test
  void theCorpusIsLarge() {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(200);
  }

  /** Runs last (its name sorts last): none of the bad submissions left a job behind. */
  @Test
  void zzNothingWasStored() {
    assertThat(jobs()).isEqualTo(jobsBefore);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void getsA4xxProblemWithoutInternals(BadRequest request) throws Exception {
    RawHttp.Response response = RawHttp.send(port, request.bytes());
    assertThat(response.status()).as(request.name() + " -> " + response.body()).isBetween(400, 499);
    assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
    assertThat(response.headers()).containsKey("x-request-id");
    assertThat(response.body())
        .contains("\"type\":\"urn:sentiment:problem:")
        .contains("\"detail\":\"")
        .doesNotContain("Exception", "java.", "tools.jackson", "org.springframework", "\tat ")
        .doesNotContain("/work/", "/tmp/", "/root/", "SELECT ", "INSERT ")
        // Spring's and Tomcat's own wording: details are the service's.
        .doesNotContain("is not supported", "Acceptable representations", "No static resource")
        .doesNotContain("\"detail\":\"Bad Request\"", "Could not parse");
    String slug =
        response.body().replaceAll("(?s).*\"type\":\"urn:sentiment:problem:([^\"]+)\".*", "$1");
    Problems type =
        Arrays.stream(Problems.values())
            .filter(p -> p.slug().equals(slug))
            .findFirst()
            .orElseThrow();
    assertThat(response.body()).contains("\"title\":\"" + type.title() + "\"");
  }
}
