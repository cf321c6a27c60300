package dev.sentiment.analysis;

import static dev.sentiment.web.problem.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.sentiment.inference.Deadline;
import dev.sentiment.inference.EngineFailures;
import dev.sentiment.inference.InferenceEngine;
import dev.sentiment.inference.ModelInfo;
import dev.sentiment.inference.Prediction;
import dev.sentiment.inference.Priority;
import dev.sentiment.inference.TextAnalysis;
import dev.sentiment.web.WebTestSupport;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every status code of {@code POST /analyze}, each answered as problem+json when it is an error.
 */
@WebMvcTest(AnalyzeController.class)
@Import({AnalysisService.class, AnalysisWebConfiguration.class, WebTestSupport.class})
class AnalyzeControllerTest {

  @Autowired MockMvcTester mvc;
  @MockitoBean InferenceEngine engine;

  @BeforeEach
  void model() throws Exception {
    given(engine.model())
        .willReturn(
            Optional.of(
                new ModelInfo("test-model", "1", List.of("NEGATIVE", "POSITIVE"), 128, false)));
  }

  private static Prediction positive() {
    Map<String, Double> probabilities = new LinkedHashMap<>();
    probabilities.put("NEGATIVE", 0.03);
    probabilities.put("POSITIVE", 0.97);
    return new Prediction("POSITIVE", 0.97, probabilities, 7, false);
  }

  private final Map<String, CompletableFuture<Prediction>> answers = new HashMap<>();

  /** The engine answers each text as stubbed, every text alike when stubbed with {@code *}. */
  @BeforeEach
  void engineAnswersAsStubbed() {
    given(engine.analyze(anyList(), any(), any(), anyBoolean()))
        .willAnswer(
            call -> {
              List<String> texts = call.getArgument(0);
              return texts.stream()
                  .map(text -> answers.getOrDefault(text, answers.get("*")))
                  .map(
                      prediction ->
                          prediction.thenApply(
                              p ->
                                  new TextAnalysis(
                                      p,
                                      1,
                                      List.of(),
                                      false,
                                      new TextAnalysis.Timing(
                                          Duration.ofMillis(1), Duration.ofMillis(2)))))
                  .toList();
            });
  }

  private void answer(String text, CompletableFuture<Prediction> prediction) {
    answers.put(text, prediction);
  }

  private void answerAll(CompletableFuture<Prediction> prediction) {
    answers.put("*", prediction);
  }

  private MvcTestResult post(String body) {
    return mvc.post()
        .uri("/analyze")
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }

  @Test
  void answersTheLabelAndProbabilities() throws Exception {
    answer("great", CompletableFuture.completedFuture(positive()));

    assertThat(post("{\"text\":\"great\"}"))
        .hasStatusOk()
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"sentiment":"POSITIVE","score":0.97,
             "probabilities":{"NEGATIVE":0.03,"POSITIVE":0.97},
             "model":"test-model","truncated":false}
            """);
    assertThat(post("{\"text\":\"great\"}").getResponse().getHeader("Server-Timing"))
        .matches("queue;dur=1\\.000, inference;dur=2\\.000, total;dur=\\d+\\.\\d{3}");
  }

  @Test
  void passesAShorterClientDeadlineToTheEngine() throws Exception {
    answerAll(CompletableFuture.completedFuture(positive()));

    assertThat(
            mvc.post()
                .uri("/analyze?timeout_ms=250")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"great\"}")
                .exchange())
        .hasStatusOk();
    ArgumentCaptor<Deadline> deadline = ArgumentCaptor.forClass(Deadline.class);
    verify(engine)
        .analyze(eq(List.of("great")), deadline.capture(), eq(Priority.INTERACTIVE), eq(false));
    // What is left of 250 ms once the request has been read (the deadline counts from arrival).
    assertThat(deadline.getValue().remaining())
        .isLessThanOrEqualTo(Duration.ofMillis(250))
        .isGreaterThan(Duration.ofMillis(50));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"text\":",
        "not json",
        "{}",
        "{\"text\":null}",
        "{\"text\":\"\"}",
        "{\"text\":\"  \\n\"}",
        "{\"text\":42}",
        "{\"text\":true}",
        "{\"text\":[\"a\"]}",
        "{\"text\":{\"a\":1}}",
        "[]",
        "\"text\"",
        "{\"text\":\"a\"} trailing",
        "{\"text\":\"a\",\"text\":\"b\"}"
      })
  void refusesBadBodiesWith400(String body) throws Exception {
    MvcTestResult result = post(body);
    assertThat(result).hasStatus(400);
    assertProblem(result, "invalid-request");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"text\":\"a\"}{\"text\":\"b\"}", "{\"text\":\"a\"} 1"})
  void saysWhenSomethingFollowsTheObject(String body) throws Exception {
    refusedDetail(body)
        .startsWith("The request body must hold one JSON value and nothing after it (line 1");
  }

  @Test
  void saysWhenAKeyComesTwice() throws Exception {
    refusedDetail("{\"text\":\"a\",\"text\":\"b\"}")
        .isEqualTo("The request body has the same key twice in one object (line 1, column 19)");
  }

  /** Posts the body, expects a 400, and gives its detail to assert on. */
  private AbstractStringAssert<?> refusedDetail(String body) {
    MvcTestResult result = post(body);
    assertThat(result).hasStatus(400);
    return assertThat(result).bodyJson().extractingPath("$.detail").asString();
  }

  @Test
  void refusesAnEmptyBodyWith400() throws Exception {
    MvcTestResult result = post("");
    assertThat(result).hasStatus(400);
    assertProblem(result, "invalid-request");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "abc", "5001", "1.5", "99999999999", "", "+", "+100", "１００"})
  void refusesBadTimeoutsWith400(String timeout) throws Exception {
    MvcTestResult result =
        mvc.post()
            .uri("/analyze?timeout_ms=" + timeout)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"text\":\"great\"}")
            .exchange();
    assertThat(result).hasStatus(400);
    assertProblem(result, "invalid-request");
  }

  @Test
  void answers408WhenTheEngineFindsTheDeadlinePassed() throws Exception {
    answerAll(CompletableFuture.failedFuture(EngineFailures.deadlineExceeded()));

    MvcTestResult result =
        answered(
            mvc.post()
                .uri("/analyze?timeout_ms=20")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"slow\"}")
                .asyncExchange());
    assertThat(result).hasStatus(408);
    assertProblem(result, "deadline-exceeded");
    assertThat(result.getResponse().getHeader("Server-Timing")).matches("total;dur=\\d+\\.\\d{3}");
  }

  /**
   * Waits for an answer still being computed when the handler returned: it is written without a
   * second dispatch, which {@code exchange()} would wait for.
   */
  private static MvcTestResult answered(MvcTestResult result) {
    MockHttpServletRequest request = result.getMvcResult().getRequest();
    await().atMost(Duration.ofSeconds(5)).until(() -> !request.isAsyncStarted());
    return result;
  }

  @Test
  void answers500WhenInferenceFails() throws Exception {
    answerAll(CompletableFuture.failedFuture(EngineFailures.inference()));

    MvcTestResult result = post("{\"text\":\"boom\"}");
    assertThat(result).hasStatus(500);
    assertProblem(result, "inference-failed");
  }

  @Test
  void answers503WithRetryAfterWhenTheQueueIsFull() throws Exception {
    answerAll(CompletableFuture.failedFuture(EngineFailures.overloaded(Duration.ofSeconds(3))));

    MvcTestResult result = post("{\"text\":\"busy\"}");
    assertThat(result).hasStatus(503).hasHeader("Retry-After", "3");
    assertProblem(result, "overloaded");
  }

  @Test
  void aFullQueueRefusesBeforeTheBodyIsEvenRead() throws Exception {
    given(engine.refusal(any())).willReturn(Optional.of(Duration.ofSeconds(2)));
    MvcTestResult result = post("{not json at all");
    assertThat(result).hasStatus(503).hasHeader("Retry-After", "2");
    assertProblem(result, "overloaded");
    verify(engine, never()).analyze(anyList(), any(), any(), anyBoolean());
  }

  @Test
  void answers503WhenTheModelIsNotReady() throws Exception {
    answerAll(CompletableFuture.failedFuture(EngineFailures.notReady()));

    MvcTestResult result = post("{\"text\":\"early\"}");
    assertThat(result).hasStatus(503).containsHeader("Retry-After");
    assertProblem(result, "model-not-ready");
  }

  @Test
  void answers413WhenTheBodyIsTooLarge() throws Exception {
    String text = "a".repeat(1024 * 1024 + 1);
    MvcTestResult result = post("{\"text\":\"" + text + "\"}");
    assertThat(result).hasStatus(413);
    assertProblem(result, "payload-too-large");
  }

  @Test
  void answers415ForContentOtherThanJson() throws Exception {
    MvcTestResult result =
        mvc.post().uri("/analyze").contentType(MediaType.TEXT_PLAIN).content("great").exchange();
    assertThat(result).hasStatus(415);
    assertProblem(result, "unsupported-media-type");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/html", "application/json;q=0", "image/png, */*;q=0"})
  void answers406WhenTheAcceptHeaderExcludesJsonWithoutClassifying(String accept) throws Exception {
    MvcTestResult result =
        mvc.post()
            .uri("/analyze")
            .contentType(MediaType.APPLICATION_JSON)
            .header("Accept", accept)
            .content("{\"text\":\"great\"}")
            .exchange();
    assertThat(result).hasStatus(406);
    assertProblem(result, "not-acceptable");
    verify(engine, never()).analyze(anyList(), any(), any(), anyBoolean());
  }

  @Test
  void answers405ForGet() throws Exception {
    MvcTestResult result = mvc.get().uri("/analyze").exchange();
    assertThat(result).hasStatus(405);
    assertProblem(result, "method-not-allowed");
  }
}
