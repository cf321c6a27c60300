package dev.sentiment.batch;

import dev.sentiment.system.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * The batch feature's own errors as problem+json, in the same shape as every other answer. Its
 * messages are written in this package for clients, so they are safe to show. Ordered first, so
 * these win over the catch-all handler of the system package.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = BatchController.class)
class BatchProblemAdvice {

  @ExceptionHandler(JobNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(JobNotFoundException e, WebRequest request) {
    return answer(Problems.NOT_FOUND, HttpStatus.NOT_FOUND, e, request);
  }

  @ExceptionHandler(IdempotencyConflictException.class)
  ResponseEntity<ProblemDetail> conflict(IdempotencyConflictException e, WebRequest request) {
    return answer(Problems.CONFLICT, HttpStatus.CONFLICT, e, request);
  }

  @ExceptionHandler(TooManyItemsException.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyItemsException e, WebRequest request) {
    return answer(Problems.PAYLOAD_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE, e, request);
  }

  @ExceptionHandler(UnsupportedFormatException.class)
  ResponseEntity<ProblemDetail> unsupported(UnsupportedFormatException e, WebRequest request) {
    return answer(Problems.UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE, e, request);
  }

  private static ResponseEntity<ProblemDetail> answer(
      Problems type, HttpStatus status, RuntimeException e, WebRequest request) {
    request.setAttribute(Problems.ATTRIBUTE, type.slug(), RequestAttributes.SCOPE_REQUEST);
    return ResponseEntity.status(status).body(type.detail(status, e.getMessage()));
  }
}
