package dev.sentiment.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client of {@code /analyze_batch} on 127.0.0.1, for tests and the benchmark. */
final class BatchClient {

  private static final JsonMapper JSON = JsonMapper.shared();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String apiKey;

  BatchClient(int port) {
    this(port, null);
  }

  /** A client presenting {@code apiKey} as {@code X-API-Key}, when API keys are on. */
  BatchClient(int port, String apiKey) {
    this.base = "http://127.0.0.1:" + port;
    this.apiKey = apiKey;
  }

  HttpResponse<String> postJson(String body, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/analyze_batch"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request.build());
  }

  /** Uploads a file as the multipart part {@code file}, streaming it from disk. */
  HttpResponse<String> upload(Path file, String contentType, String idempotencyKey)
      throws IOException {
    return upload(List.of(file), contentType, idempotencyKey);
  }

  /** Uploads each file as a multipart part named {@code file}, streaming them from disk. */
  HttpResponse<String> upload(List<Path> files, String contentType, String idempotencyKey)
      throws IOException {
    String boundary = "batch-" + UUID.randomUUID();
    List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
    for (Path file : files) {
      String head =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
              + file.getFileName()
              + "\"\r\nContent-Type: "
              + contentType
              + "\r\n\r\n";
      parts.add(HttpRequest.BodyPublishers.ofByteArray(head.getBytes(StandardCharsets.UTF_8)));
      parts.add(HttpRequest.BodyPublishers.ofFile(file));
      parts.add(HttpRequest.BodyPublishers.ofByteArray("\r\n".getBytes(StandardCharsets.UTF_8)));
    }
    byte[] tail = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    parts.add(HttpRequest.BodyPublishers.ofByteArray(tail));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/analyze_batch"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request.build());
  }

  HttpResponse<String> get(String path, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    return send(request.build());
  }

  HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
  }

  /** Submits and returns the new job's id, asserting a 202. */
  String submit(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return json(response).path("id").asString();
  }

  JsonNode status(String id) {
    HttpResponse<String> response = get("/analyze_batch/" + id, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  /** Waits for the job to reach {@code status}, failing after {@code timeout}. */
  JsonNode awaitStatus(String id, String status, Duration timeout) {
    return Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> status(id), job -> job.path("status").asString().equals(status));
  }

  /** Waits until two looks at the job, 1.5 s apart, see the same status and counters. */
  JsonNode awaitSettled(String id, Duration timeout) {
    JsonNode[] last = {null};
    return Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(1500))
        .until(
            () -> {
              JsonNode now = status(id);
              boolean same = now.equals(last[0]);
              last[0] = now;
              return same ? now : null;
            },
            java.util.Objects::nonNull);
  }

  /** The job's results as parsed NDJSON lines. */
  List<JsonNode> results(String id, String query) {
    HttpResponse<String> response =
        get("/analyze_batch/" + id + "/results" + (query == null ? "" : "?" + query), null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> lines = new ArrayList<>();
    response.body().lines().forEach(line -> lines.add(JSON.readTree(line)));
    return lines;
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /** A text file of {@code count} short review sentences, one per line. */
  static Path textFile(Path dir, String name, int count) throws IOException {
    Path file = dir.resolve(name);
    try (Stream<String> sentences =
        Stream.iterate(0, i -> i + 1).limit(count).map(BatchClient::sentence)) {
      Files.write(file, (Iterable<String>) sentences::iterator);
    }
    return file;
  }

  /** A varied sentence, so texts differ in length and label. */
  static String sentence(int i) {
    String[] openings = {"I loved", "I hated", "What a wonderful", "A dull and boring", "An okay"};
    return openings[i % openings.length] + " film number " + i + (i % 7 == 0 ? ", truly" : "");
  }

  private HttpResponse<String> send(HttpRequest request) {
    if (apiKey != null) {
      request =
          HttpRequest.newBuilder(request, (name, value) -> true)
              .header("X-API-Key", apiKey)
              .build();
    }
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
