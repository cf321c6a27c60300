package dev.sentiment.bench;

import dev.sentiment.web.async.PendingAnswer;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP half of the benchmark's limit: a Spring MVC endpoint that parses {@code {"text"}} and
 * returns a fixed answer, measured under the same load as {@code /analyze}. Tools sources only
 * (src/tools), and only with the {@code bench} profile, so it never ships.
 *
 * <p>{@code /bench/trivial-async} answers the same way {@code /analyze} does: a {@link
 * PendingAnswer} completed on a pool of its own, one thread per core. It prices the asynchronous
 * contract alone, without a model, queue or batching: the best an asynchronous service could do is
 * 1/(1/raw + 1/that). {@code /bench/trivial-future} returns the {@code CompletableFuture} itself,
 * which Spring MVC answers through a second dispatch of the request: what {@code /analyze} did
 * before it answered with a pending answer.
 */
@RestController
@Profile("bench")
class TrivialEndpoint {

  private static final Map<String, Object> ANSWER =
      Map.of(
          "sentiment",
          "POSITIVE",
          "score",
          0.97,
          "probabilities",
          Map.of("NEGATIVE", 0.03, "POSITIVE", 0.97),
          "model",
          "trivial",
          "truncated",
          false);

  private static final Duration DEADLINE = Duration.ofSeconds(5);

  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          task -> {
            Thread thread = new Thread(task, "bench-trivial-async");
            thread.setDaemon(true);
            return thread;
          });

  record Text(String text) {}

  @PostMapping(
      path = "/bench/trivial",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> answer(@RequestBody Text text) {
    return ANSWER;
  }

  @PostMapping(
      path = "/bench/trivial-async",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  PendingAnswer<Map<String, Object>> answerLater(@RequestBody Text text) {
    return new PendingAnswer<>(CompletableFuture.supplyAsync(() -> ANSWER, pool), DEADLINE);
  }

  @PostMapping(
      path = "/bench/trivial-future",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  CompletableFuture<Map<String, Object>> answerThroughSecondDispatch(@RequestBody Text text) {
    return CompletableFuture.supplyAsync(() -> ANSWER, pool);
  }

  @PreDestroy
  void stop() {
    pool.shutdown();
  }
}
