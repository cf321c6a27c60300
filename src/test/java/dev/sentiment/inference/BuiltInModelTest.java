package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in model, the three-class {@code models/sentiment-en} (NEGATIVE / NEUTRAL / POSITIVE,
 * the default), loaded offline through DJL, answers known sentences correctly; the binary
 * alternative {@code models/sentiment-en-sst2} still loads and answers.
 */
class BuiltInModelTest {

  static final String THREE_CLASS = "classpath:models/sentiment-en";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static SimpleMeterRegistry registry;
  private static InferenceEngine engine;

  @BeforeAll
  static void start() {
    registry = new SimpleMeterRegistry();
    // The default self-test (a positive, a negative and a neutral sentence) runs at start.
    engine = TestEngines.start(InferenceProperties.forModel(THREE_CLASS, 2, 32, 1024, 1), registry);
  }

  @AfterAll
  static void stop() {
    engine.stop();
  }

  @Test
  void loadsOfflineWithTheLabelsOfItsConfig() {
    assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    ModelInfo info = engine.model().orElseThrow();
    assertThat(info.name()).isEqualTo("sentiment-en");
    assertThat(info.labels()).containsExactly("NEGATIVE", "NEUTRAL", "POSITIVE");
    assertThat(info.maxLength()).isGreaterThanOrEqualTo(128);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          I loved this movie, it was wonderful.                       | POSITIVE
          An absolute masterpiece, beautifully acted and moving.     | POSITIVE
          Great product, works perfectly and arrived early!          | POSITIVE
          This was a terrible, boring waste of time.                 | NEGATIVE
          The worst film I have seen in years: dull and pointless.   | NEGATIVE
          Awful service, rude staff, never again.                    | NEGATIVE
          not good at all                                            | NEGATIVE
          This is not a good movie.                                  | NEGATIVE
          I didn't expect to like it, but I loved it.                | POSITIVE
          The sequel is even better than the original.               | POSITIVE
          The meeting is on Tuesday at 3 pm.                         | NEUTRAL
          The train leaves at 9:15 from platform 4.                  | NEUTRAL
          The report has twelve pages.                               | NEUTRAL
          The store opens at 9 am on weekdays.                       | NEUTRAL
          Hello, how are you?                                        | NEUTRAL
          """)
  void labelsKnownSentences(String text, String label) {
    Prediction prediction =
        engine.classify(text, Deadline.in(TIMEOUT), Priority.INTERACTIVE).join();
    assertThat(prediction.label()).as(text).isEqualTo(label);
    assertThat(prediction.probabilities()).containsOnlyKeys("NEGATIVE", "NEUTRAL", "POSITIVE");
    assertThat(prediction.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, within(1e-5));
  }

  @Test
  void batchedAndSingleCallsGiveTheSameProbabilities() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 96; i++) {
      texts.add(
          switch (i % 4) {
            case 0 -> "a gorgeous, witty, seductive movie " + "really ".repeat(i % 9);
            case 1 -> "the plot is nothing but boilerplate clichés from start to finish";
            case 2 -> "the bus leaves at nine from the main station " + "and stops ".repeat(i % 5);
            default -> "one of the best films of the year, " + "truly ".repeat(i % 13) + "great";
          });
    }
    List<Prediction> singles = new ArrayList<>();
    for (String text : texts) {
      singles.add(engine.classify(text, Deadline.in(TIMEOUT), Priority.INTERACTIVE).join());
    }
    double passesBefore = registry.get("sentiment.batch.size").summary().count();
    List<CompletableFuture<Prediction>> together = new ArrayList<>();
    for (String text : texts) {
      together.add(engine.classify(text, Deadline.in(TIMEOUT), Priority.INTERACTIVE));
    }
    for (int i = 0; i < texts.size(); i++) {
      Prediction batched = together.get(i).join();
      assertThat(batched.label()).isEqualTo(singles.get(i).label());
      assertThat(batched.probabilities()).hasSize(3);
      for (String label : batched.probabilities().keySet()) {
        assertThat(batched.probabilities().get(label))
            .as("text %d, %s", i, label)
            .isCloseTo(singles.get(i).probabilities().get(label), within(1e-5));
      }
    }
    // Coalescing happened: fewer passes than texts, so padding and batching were exercised.
    double passes = registry.get("sentiment.batch.size").summary().count() - passesBefore;
    assertThat(passes).isLessThan(texts.size());
    // The model computes its BiGRU one way up to 8 texts and another above: singles met batches
    // of the other form.
    assertThat(registry.get("sentiment.batch.size").summary().max()).isGreaterThan(8);
  }

  @Test
  void truncatesLongTextsAndSaysSo() {
    Prediction prediction =
        engine
            .classify(
                "a wonderful, moving film. ".repeat(400),
                Deadline.in(TIMEOUT),
                Priority.INTERACTIVE)
            .join();
    assertThat(prediction.truncated()).isTrue();
    assertThat(prediction.tokens()).isEqualTo(engine.model().orElseThrow().maxLength());
    assertThat(prediction.label()).isEqualTo("POSITIVE");
  }

  @Test
  void theBinaryAlternativeStillLoadsAndAnswers() {
    // Its self-test skips the NEUTRAL case: the binary model has no such label.
    InferenceEngine binary = TestEngines.start(TestEngines.properties(1, 8, 64));
    try {
      ModelInfo info = binary.model().orElseThrow();
      assertThat(info.name()).isEqualTo("sentiment-en-sst2");
      assertThat(info.labels()).containsExactly("NEGATIVE", "POSITIVE");
      assertThat(
              binary
                  .classify("not bad at all", Deadline.in(TIMEOUT), Priority.INTERACTIVE)
                  .join()
                  .label())
          .isEqualTo("POSITIVE");
      assertThat(
              binary
                  .classify(
                      "A terrible, boring waste of time.",
                      Deadline.in(TIMEOUT),
                      Priority.INTERACTIVE)
                  .join()
                  .label())
          .isEqualTo("NEGATIVE");
    } finally {
      binary.stop();
    }
  }
}
