package dev.sentiment.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sentiment.HttpTestClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * What {@code /analyze_batch} promises, run against a real server with the real model: once on the
 * embedded database and once on PostgreSQL. Subclasses choose the database; the server settings
 * below are shared (Spring's test annotations are inherited).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "sentiment.batch.chunk-size=64",
      "sentiment.batch.polling-interval=200ms",
      "management.endpoints.web.exposure.include=prometheus"
    })
@DirtiesContext
abstract class BatchApiContract {

  static final Duration FINISH = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @TempDir Path files;
  BatchClient client;

  @BeforeEach
  void client() {
    client = new BatchClient(port);
  }

  /** Results are complete, in index order, one per item, with the model's labels or errors. */
  private static void assertComplete(List<JsonNode> results, int total) {
    assertThat(results).hasSize(total);
    assertThat(results.stream().map(r -> r.path("index").asInt()))
        .containsExactlyElementsOf(IntStream.range(0, total).boxed().toList());
    for (JsonNode result : results) {
      if (result.path("error").isNull()) {
        assertThat(result.path("sentiment").asString()).isIn("POSITIVE", "NEUTRAL", "NEGATIVE");
        // The most probable of three labels: more than a third.
        assertThat(result.path("score").asDouble()).isBetween(1.0 / 3, 1.0);
      } else {
        assertThat(result.path("sentiment").isNull()).isTrue();
      }
    }
  }

  @Test
  void jsonTextsRunToCompletionInOrder() {
    String id =
        client.submit(
            client.postJson("{\"texts\":[\"I loved it\",\"awful, boring\",\" \"]}", null));

    JsonNode job = client.awaitStatus(id, "SUCCEEDED", FINISH);
    assertThat(job.path("processed").asInt()).isEqualTo(3);
    assertThat(job.path("failed").asInt()).isEqualTo(1);
    assertThat(job.path("started_at").isNull()).isFalse();
    assertThat(job.path("finished_at").isNull()).isFalse();
    List<JsonNode> results = client.results(id, null);
    assertComplete(results, 3);
    assertThat(results.get(0).path("sentiment").asString()).isEqualTo("POSITIVE");
    assertThat(results.get(1).path("sentiment").asString()).isEqualTo("NEGATIVE");
    assertThat(results.get(2).path("error").asString()).isEqualTo("texts[2]: the text is blank");
  }

  @Test
  void aLongTextGetsTheSameAnswerAsFromAnalyze() {
    String review =
        ("The first hour drags and the dialogue is clumsy. ".repeat(12)
                + "But the last act is astonishing, and I loved every minute of it. ".repeat(8))
            .trim();
    String body = "{\"texts\":[\"" + review + "\"]}";
    JsonNode analyzed =
        BatchClient.json(
            new HttpTestClient(port).postJson("/analyze", "{\"text\":\"" + review + "\"}"));
    assertThat(analyzed.path("windows").asInt()).isGreaterThan(1);

    String id = client.submit(client.postJson(body, null));
    client.awaitStatus(id, "SUCCEEDED", FINISH);
    JsonNode result = client.results(id, null).get(0);

    assertThat(result.path("sentiment").asString())
        .isEqualTo(analyzed.path("sentiment").asString());
    assertThat(result.path("score").asDouble())
        .isCloseTo(analyzed.path("score").asDouble(), within(1e-6));
  }

  @Test
  void aTextWithNothingReadableFailsAloneAndTheJobSucceeds() {
    String id =
        client.submit(client.postJson("{\"texts\":[\"\\u200b\\u00a0\",\"I loved it\"]}", null));

    JsonNode job = client.awaitStatus(id, "SUCCEEDED", FINISH);
    assertThat(job.path("failed").asInt()).isEqualTo(1);
    List<JsonNode> results = client.results(id, null);
    assertComplete(results, 2);
    assertThat(results.get(0).path("error").asString())
        .isEqualTo("the text has nothing the model can read");
    assertThat(results.get(1).path("sentiment").asString()).isEqualTo("POSITIVE");
  }

  @Test
  void jsonItemsKeepTheirIds() {
    String id =
        client.submit(
            client.postJson(
                "{\"items\":[{\"id\":\"a\",\"text\":\"great\"},{\"id\":2,\"text\":\"bad\"}]}",
                null));

    client.awaitStatus(id, "SUCCEEDED", FINISH);
    assertThat(client.results(id, null).stream().map(r -> r.path("id").asString()))
        .containsExactly("a", "2");
  }

  @Test
  void csvUploadsRunWithPerLineErrors() throws IOException {
    Path csv = files.resolve("comments.csv");
    Files.writeString(csv, "id,text\nc1,\"Loved it, really\"\nc2,\"bad\"x\nc3,\"multi\nline\"\n");

    String id = client.submit(client.upload(csv, "text/csv", null));

    JsonNode job = client.awaitStatus(id, "SUCCEEDED", FINISH);
    assertThat(job.path("total").asInt()).isEqualTo(3);
    List<JsonNode> results = client.results(id, null);
    assertComplete(results, 3);
    assertThat(results.get(1).path("id").asString()).isEqualTo("c2");
    assertThat(results.get(1).path("error").asString()).startsWith("line 3:");
    assertThat(results.get(2).path("id").asString()).isEqualTo("c3");
  }

  @Test
  void jsonFileUploadsRunToCompletion() throws IOException {
    Path json = files.resolve("comments.json");
    Files.writeString(json, "{\"items\":[{\"id\":\"j1\",\"text\":\"nice\"}]}");

    String id = client.submit(client.upload(json, "application/json", null));

    assertThat(client.awaitStatus(id, "SUCCEEDED", FINISH).path("total").asInt()).isEqualTo(1);
    assertThat(client.results(id, null).get(0).path("id").asString()).isEqualTo("j1");
  }

  @Test
  void ndjsonAndTextUploadsRunToCompletion() throws IOException {
    Path ndjson = files.resolve("comments.ndjson");
    Files.writeString(ndjson, "{\"id\":\"x\",\"text\":\"fine\"}\nnot json\n{\"text\":\"sad\"}\n");
    Path text = BatchClient.textFile(files, "comments.txt", 600);

    String first = client.submit(client.upload(ndjson, "application/octet-stream", null));
    String second = client.submit(client.upload(text, "text/plain", null));

    assertThat(client.awaitStatus(first, "SUCCEEDED", FINISH).path("failed").asInt()).isEqualTo(1);
    assertThat(client.results(first, null).get(1).path("error").asString())
        .isEqualTo("line 2: the line is not valid JSON");
    client.awaitStatus(second, "SUCCEEDED", FINISH);
    assertComplete(client.results(second, null), 600);
  }

  @Test
  void anUploadOfTwoFilesIsRefused() throws IOException {
    Path one = BatchClient.textFile(files, "one.txt", 1);
    Path two = BatchClient.textFile(files, "two.txt", 2);

    HttpResponse<String> response = client.upload(List.of(one, two), "text/plain", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(BatchClient.json(response).path("detail").asString())
        .contains("exactly one file part named 'file'");
  }

  @Test
  void resultsPageByIndexAndComeAsCsvOnRequest() throws IOException {
    String id =
        client.submit(client.upload(BatchClient.textFile(files, "p.txt", 300), "text/plain", null));
    client.awaitStatus(id, "SUCCEEDED", FINISH);

    List<JsonNode> page = client.results(id, "offset=100&limit=50");
    assertThat(page.stream().map(r -> r.path("index").asInt()))
        .containsExactlyElementsOf(IntStream.range(100, 150).boxed().toList());
    assertThat(client.results(id, "offset=290")).hasSize(10);
    assertThat(client.results(id, "limit=0")).isEmpty();
    // Item indexes are ints: offsets past the largest are past the end, larger limits no limit.
    assertThat(client.results(id, "offset=2147483648")).isEmpty();
    assertThat(client.results(id, "offset=299&limit=999999999999999999")).hasSize(1);
    HttpResponse<String> csv = client.get("/analyze_batch/" + id + "/results?limit=2", "text/csv");
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body().lines()).hasSize(3).first().isEqualTo("index,id,sentiment,score,error");
  }

  @Test
  void cancellingStopsTheJobAndKeepsItsResults() throws IOException {
    String id =
        client.submit(
            client.upload(BatchClient.textFile(files, "c.txt", 20_000), "text/plain", null));

    HttpResponse<String> cancelled = client.delete("/analyze_batch/" + id);

    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(BatchClient.json(cancelled).path("status").asString()).isEqualTo("CANCELLED");
    // Chunks already computing may still finish; give them time, then nothing moves any more.
    JsonNode settled = client.awaitSettled(id, FINISH);
    assertThat(settled.path("status").asString()).isEqualTo("CANCELLED");
    assertThat(settled.path("processed").asInt()).isLessThan(20_000);
    assertThat(client.results(id, null)).hasSize(settled.path("processed").asInt());
    assertThat(BatchClient.json(client.delete("/analyze_batch/" + id)).path("status").asString())
        .isEqualTo("CANCELLED");
  }

  @Test
  void theSameIdempotencyKeyAndContentGiveTheSameJob() {
    String body = "{\"texts\":[\"good\",\"bad\"]}";
    String key = "key-" + System.nanoTime();

    String first = client.submit(client.postJson(body, key));
    HttpResponse<String> again = client.postJson(body, key);
    HttpResponse<String> other = client.postJson("{\"texts\":[\"other\"]}", key);

    assertThat(client.submit(again)).isEqualTo(first);
    assertThat(again.headers().firstValue("Location")).hasValue("/analyze_batch/" + first);
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(client.submit(client.postJson(body, key + "-other"))).isNotEqualTo(first);
  }

  @Test
  void unknownJobsAreNotFound() {
    for (String path :
        List.of(
            "/analyze_batch/00000000-0000-4000-8000-000000000000",
            "/analyze_batch/00000000-0000-4000-8000-000000000000/results",
            "/analyze_batch/nope")) {
      HttpResponse<String> response = client.get(path, null);
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
    }
  }

  @Test
  void metricsCountJobsAndItems() {
    String id = client.submit(client.postJson("{\"texts\":[\"good\",\"\"]}", null));
    client.awaitStatus(id, "SUCCEEDED", FINISH);

    String metrics = client.get("/actuator/prometheus", null).body();
    assertThat(metrics)
        .contains("sentiment_jobs{status=\"SUCCEEDED\"}")
        .contains("sentiment_job_items_total{outcome=\"ok\"}")
        .contains("sentiment_job_items_total{outcome=\"error\"}");
  }
}
