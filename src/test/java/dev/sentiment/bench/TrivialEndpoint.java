package dev.sentiment.bench;

import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP half of the benchmark's limit: a Spring MVC endpoint that parses {@code {"text"}} and
 * returns a fixed answer, measured under the same load as {@code /analyze}. Test sources only, and
 * only with the {@code bench} profile, so it never ships.
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

  record Text(String text) {}

  @PostMapping(
      path = "/bench/trivial",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> answer(@RequestBody Text text) {
    return ANSWER;
  }
}
