package dev.sentiment.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.sentiment.inference.Deadline;
import dev.sentiment.inference.EngineFailures;
import dev.sentiment.inference.InferenceEngine;
import dev.sentiment.inference.OverloadedException;
import dev.sentiment.inference.Prediction;
import dev.sentiment.inference.Priority;
import dev.sentiment.inference.TextAnalysis;
import dev.sentiment.web.problem.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The texts of one request: the deadline counts from the request's arrival, a list is answered in
 * order, a text's own failure fails only its entry, and the request's failures fail it whole.
 */
class AnalysisServiceTest {

  private final InferenceEngine engine = mock(InferenceEngine.class);
  private final AnalysisService service =
      new AnalysisService(engine, new AnalysisProperties(Duration.ofSeconds(5), 3));

  private static TextAnalysis analysis(String label) {
    return new TextAnalysis(
        new Prediction(label, 0.9, Map.of(label, 0.9), 3, false),
        1,
        List.of(),
        false,
        new TextAnalysis.Timing(Duration.ofMillis(1), Duration.ofMillis(2)));
  }

  /** The engine answers "bad" as unreadable and everything else by its first word, upper-cased. */
  @BeforeEach
  void engineAnswers() {
    given(engine.model()).willReturn(Optional.empty());
    given(engine.analyze(anyList(), any(), any(), anyBoolean()))
        .willAnswer(
            call -> {
              List<String> texts = call.getArgument(0);
              List<CompletableFuture<TextAnalysis>> answers = new ArrayList<>();
              for (String text : texts) {
                answers.add(
                    text.equals("unreadable")
                        ? CompletableFuture.failedFuture(EngineFailures.unreadable())
                        : CompletableFuture.completedFuture(
                            analysis(text.split(" ")[0].toUpperCase())));
              }
              return answers;
            });
  }

  private static long arrivedAgo(Duration ago) {
    return System.nanoTime() - ago.toNanos();
  }

  private static AnalyzeRequest one(String text) {
    return new AnalyzeRequest(text, null);
  }

  private static AnalyzeRequest several(String... texts) {
    return new AnalyzeRequest(null, Arrays.asList(texts));
  }

  private Deadline deadlineGiven() {
    ArgumentCaptor<Deadline> deadline = ArgumentCaptor.forClass(Deadline.class);
    verify(engine).analyze(anyList(), deadline.capture(), eq(Priority.INTERACTIVE), eq(false));
    return deadline.getValue();
  }

  @Test
  void givesTheEngineTheDeadlineCountedFromArrival() {
    service.analyze(one("fine"), null, null, arrivedAgo(Duration.ofMillis(700)));

    assertThat(deadlineGiven().remaining())
        .isLessThanOrEqualTo(Duration.ofMillis(4300))
        .isGreaterThan(Duration.ofMillis(3000));
  }

  @Test
  void aRequestWhoseArrivalTookTheWholeDeadlineCarriesAPassedOne() {
    service.analyze(one("fine"), "200", null, arrivedAgo(Duration.ofMillis(300)));

    assertThat(deadlineGiven().passed()).isTrue();
  }

  @Test
  void answersAListInOrderWithABlankTextFailingAlone() {
    AnalyzeListResponse answer =
        (AnalyzeListResponse)
            service
                .analyze(
                    several("positive one", " ", "negative two"), null, null, System.nanoTime())
                .join()
                .body();

    assertThat(answer.results()).hasSize(3);
    assertThat(((AnalyzeResponse) answer.results().get(0)).sentiment()).isEqualTo("POSITIVE");
    assertThat(((AnalyzeListResponse.TextFailure) answer.results().get(1)).error())
        .satisfies(
            error -> {
              assertThat(error.status()).isEqualTo(400);
              assertThat(error.type()).isEqualTo("urn:sentiment:problem:invalid-request");
              assertThat(error.detail()).isEqualTo("'texts[1]' must not be blank");
            });
    assertThat(((AnalyzeResponse) answer.results().get(2)).sentiment()).isEqualTo("NEGATIVE");
    verify(engine)
        .analyze(
            eq(List.of("positive one", "negative two")),
            any(),
            eq(Priority.INTERACTIVE),
            eq(false));
  }

  @Test
  void anUnreadableTextFailsOnlyItsEntry() {
    AnalyzeListResponse answer =
        (AnalyzeListResponse)
            service
                .analyze(several("good", "unreadable"), null, null, System.nanoTime())
                .join()
                .body();

    assertThat(answer.results().get(0)).isInstanceOf(AnalyzeResponse.class);
    assertThat(((AnalyzeListResponse.TextFailure) answer.results().get(1)).error().status())
        .isEqualTo(400);
  }

  @Test
  void aListTheQueueCannotTakeFailsWhole() {
    OverloadedException full = EngineFailures.overloaded(Duration.ofSeconds(2));
    given(engine.analyze(anyList(), any(), any(), anyBoolean()))
        .willReturn(
            List.of(CompletableFuture.failedFuture(full), CompletableFuture.failedFuture(full)));

    CompletableFuture<AnalysisService.Answer> answer =
        service.analyze(several("a", "b"), null, null, System.nanoTime());

    assertThatThrownBy(answer::join).isInstanceOf(CompletionException.class).hasCause(full);
  }

  @Test
  void refusesListsThatAreEmptyTooLongOrHoldANonString() {
    assertThatThrownBy(() -> service.analyze(several(), null, null, System.nanoTime()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("'texts' must hold at least one text");
    assertThatThrownBy(() -> service.analyze(several("a", "b", "c", "d"), null, null, 0))
        .isInstanceOf(TooManyTextsException.class)
        .hasMessageContaining("at most 3");
    assertThatThrownBy(() -> service.analyze(several("a", null), null, null, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("'texts[1]' must be a string");
    assertThatThrownBy(() -> service.analyze(new AnalyzeRequest("a", List.of("b")), null, null, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Send either 'text' or 'texts', not both");
    assertThatThrownBy(() -> service.analyze(one("a"), null, "words", 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("'detail' must be 'sentences'");
  }
}
