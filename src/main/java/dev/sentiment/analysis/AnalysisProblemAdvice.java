package dev.sentiment.analysis;

import dev.sentiment.inference.DeadlineExceededException;
import dev.sentiment.inference.InferenceException;
import dev.sentiment.inference.ModelNotReadyException;
import dev.sentiment.inference.OverloadedException;
import dev.sentiment.inference.UnreadableTextException;
import dev.sentiment.web.problem.ProblemResponses;
import dev.sentiment.web.problem.Problems;
import dev.sentiment.web.problem.StandardDetails;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * The engine's failures, as {@code /analyze} answers them. The messages are the inference package's
 * own, written for clients; a model failure says nothing of its cause (that is logged). Ordered
 * before the service's catch-all advice.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = AnalyzeController.class)
class AnalysisProblemAdvice {

  /** What a client should wait while the model loads: about what a start takes. */
  private static final String MODEL_RETRY_SECONDS = "5";

  private final ProblemResponses responses;

  AnalysisProblemAdvice(ProblemResponses responses) {
    this.responses = responses;
  }

  @ExceptionHandler(DeadlineExceededException.class)
  ResponseEntity<Object> deadline(DeadlineExceededException e, WebRequest request) {
    return responses.answer(StandardDetails.deadlineExceeded(), new HttpHeaders(), request);
  }

  @ExceptionHandler(OverloadedException.class)
  ResponseEntity<Object> overloaded(OverloadedException e, WebRequest request) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()));
    return responses.answer(StandardDetails.overloaded(), headers, request);
  }

  @ExceptionHandler(ModelNotReadyException.class)
  ResponseEntity<Object> notReady(ModelNotReadyException e, WebRequest request) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, MODEL_RETRY_SECONDS);
    return responses.answer(
        Problems.MODEL_NOT_READY.detail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()),
        headers,
        request);
  }

  /** A text's own failure (unreadable, the model failed on it), when it is the only text. */
  @ExceptionHandler({InferenceException.class, UnreadableTextException.class})
  ResponseEntity<Object> textFailed(RuntimeException e, WebRequest request) {
    return responses.answer(TextProblems.of(e).orElseThrow(), new HttpHeaders(), request);
  }

  @ExceptionHandler(TooManyTextsException.class)
  ResponseEntity<Object> tooManyTexts(TooManyTextsException e, WebRequest request) {
    return responses.answer(
        Problems.PAYLOAD_TOO_LARGE.detail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage()),
        new HttpHeaders(),
        request);
  }
}
