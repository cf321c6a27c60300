package dev.sentiment.batch;

import dev.sentiment.web.problem.ProblemResponses;
import dev.sentiment.web.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * The batch feature's own errors as problem+json, in the same shape as every other answer. Its
 * messages are written in this package for clients, so they are safe to show. Ordered first, so
 * these win over the service's catch-all advice.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = BatchController.class)
class BatchProblemAdvice {

  private final ProblemResponses responses;

  BatchProblemAdvice(ProblemResponses responses) {
    this.responses = responses;
  }

  @ExceptionHandler(JobNotFoundException.class)
  ResponseEntity<Object> notFound(JobNotFoundException e, WebRequest request) {
    return answer(Problems.NOT_FOUND, HttpStatus.NOT_FOUND, e, request);
  }

  @ExceptionHandler(IdempotencyConflictException.class)
  ResponseEntity<Object> conflict(IdempotencyConflictException e, WebRequest request) {
    return answer(Problems.CONFLICT, HttpStatus.CONFLICT, e, request);
  }

  @ExceptionHandler(TooManyItemsException.class)
  ResponseEntity<Object> tooMany(TooManyItemsException e, WebRequest request) {
    return answer(Problems.PAYLOAD_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE, e, request);
  }

  @ExceptionHandler(UnsupportedFormatException.class)
  ResponseEntity<Object> unsupported(UnsupportedFormatException e, WebRequest request) {
    return answer(Problems.UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE, e, request);
  }

  private ResponseEntity<Object> answer(
      Problems type, HttpStatus status, RuntimeException e, WebRequest request) {
    return responses.answer(type.detail(status, e.getMessage()), new HttpHeaders(), request);
  }
}
