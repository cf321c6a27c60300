package dev.sentiment.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.sentiment.inference.InferenceEngine;
import dev.sentiment.inference.Prediction;
import dev.sentiment.inference.Priority;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The deadline of {@code /analyze} counts from the request's arrival, not from the controller. */
class AnalysisServiceTest {

  private final InferenceEngine engine = mock(InferenceEngine.class);
  private final AnalysisService service =
      new AnalysisService(engine, new AnalysisProperties(Duration.ofSeconds(5)));

  @BeforeEach
  void engineAnswers() {
    given(engine.model()).willReturn(Optional.empty());
    given(engine.classify(anyString(), any(), any()))
        .willReturn(
            CompletableFuture.completedFuture(
                new Prediction("POSITIVE", 0.9, Map.of("POSITIVE", 0.9), 3, false)));
  }

  private static long arrivedAgo(Duration ago) {
    return System.nanoTime() - ago.toNanos();
  }

  @Test
  void givesTheEngineOnlyWhatIsLeftOfTheDeadline() {
    service.analyze("fine", null, arrivedAgo(Duration.ofMillis(700)));

    ArgumentCaptor<Duration> timeout = ArgumentCaptor.forClass(Duration.class);
    verify(engine).classify(eq("fine"), timeout.capture(), eq(Priority.INTERACTIVE));
    assertThat(timeout.getValue())
        .isLessThanOrEqualTo(Duration.ofMillis(4300))
        .isGreaterThan(Duration.ofMillis(3000));
  }

  @Test
  void answersTimeoutAtOnceWhenArrivingTookTheWholeDeadline() {
    CompletableFuture<AnalyzeResponse> answer =
        service.analyze("fine", "200", arrivedAgo(Duration.ofMillis(300)));

    assertThat(answer).isCompletedExceptionally();
    assertThatThrownBy(answer::join).hasCauseInstanceOf(TimeoutException.class);
    verify(engine, never()).classify(anyString(), any(), any());
  }
}
