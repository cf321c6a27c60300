package dev.sentiment.web.async;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/** A pending answer ends its request exactly once, and never writes after the request ended. */
class AnswerWriterTest {

  private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/analyze");
  private final MockHttpServletResponse response = new MockHttpServletResponse();
  private final CompletableFuture<Object> result = new CompletableFuture<>();
  private final List<Exception> resolved = new ArrayList<>();
  private AsyncContext async;
  private AnswerWriter writer;

  /** Stands for the application's resolvers: answers 418 and remembers what it was given. */
  private final HandlerExceptionResolver resolver =
      (request, response, handler, exception) -> {
        resolved.add(exception);
        response.setStatus(418);
        return new ModelAndView();
      };

  @BeforeEach
  void start() {
    request.setAsyncSupported(true);
    async = request.startAsync(request, response);
    writer = new AnswerWriter(async, result, JsonMapper.shared(), resolver);
    async.addListener(writer);
    result.whenComplete(writer::completed);
  }

  @Test
  void writesTheResultAsJsonAndEndsTheRequest() throws Exception {
    result.complete(Map.of("sentiment", "POSITIVE"));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).isEqualTo("application/json");
    assertThat(response.getContentAsString()).isEqualTo("{\"sentiment\":\"POSITIVE\"}");
    assertThat(response.getContentLength()).isEqualTo(24);
    assertThat(request.isAsyncStarted()).isFalse();
  }

  @Test
  void answersAFailureThroughTheResolversUnwrapped() {
    request.setAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE, List.of());
    TimeoutException deadline = new TimeoutException();

    result.completeExceptionally(new CompletionException(deadline));

    assertThat(resolved).containsExactly(deadline);
    assertThat(response.getStatus()).isEqualTo(418);
    // A problem is not bound to the media types of the handler's success answer.
    assertThat(request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE)).isNull();
    assertThat(request.isAsyncStarted()).isFalse();
  }

  /** An answer whose only property fails as Jackson reads it. */
  record Unwritable(String value) {
    @Override
    public String value() {
      throw new IllegalStateException("broken");
    }
  }

  @Test
  void anAnswerThatCannotBeWrittenIsAnsweredAsAnError() {
    result.complete(new Unwritable("x"));

    assertThat(resolved).singleElement().isInstanceOf(RuntimeException.class);
    assertThat(response.getStatus()).isEqualTo(418);
    assertThat(request.isAsyncStarted()).isFalse();
  }

  @Test
  void theRequestEndsEvenWhenTheProblemCannotBeWritten() {
    AnswerWriter failing =
        new AnswerWriter(
            async,
            new CompletableFuture<>(),
            JsonMapper.shared(),
            (request, response, handler, exception) -> {
              throw new IllegalStateException("resolver broken");
            });

    failing.completed(null, new TimeoutException());

    assertThat(request.isAsyncStarted()).isFalse();
  }

  @Test
  void aClientGoneCancelsTheResultAndNothingIsWritten() throws Exception {
    writer.onError(new AsyncEvent(async, request, response));

    assertThat(result).isCancelled();
    assertThat(resolved).isEmpty();
    assertThat(response.getContentAsString()).isEmpty();
    assertThat(request.isAsyncStarted()).isFalse();
  }

  @Test
  void aResultCompletingAfterTheRequestEndedIsNotWritten() throws Exception {
    CompletableFuture<Object> late = new CompletableFuture<>();
    AnswerWriter lateWriter = new AnswerWriter(async, late, JsonMapper.shared(), resolver);
    lateWriter.onError(new AsyncEvent(async, request, response));

    lateWriter.completed(Map.of("sentiment", "POSITIVE"), null);

    assertThat(response.getContentAsString()).isEmpty();
    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void theContainersLimitAnswersAsADeadlineAndCancelsTheResult() throws Exception {
    writer.onTimeout(new AsyncEvent(async, request, response));

    assertThat(resolved).singleElement().isInstanceOf(TimeoutException.class);
    assertThat(response.getStatus()).isEqualTo(418);
    assertThat(result).isCancelled();
    assertThat(request.isAsyncStarted()).isFalse();
  }
}
