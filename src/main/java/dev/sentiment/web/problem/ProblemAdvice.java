package dev.sentiment.web.problem;

import java.util.concurrent.TimeoutException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error no feature maps itself as RFC 9457 {@code application/problem+json}. Details
 * are written here, never copied from exception messages of libraries, so no class name, stack
 * trace, SQL or file path can reach a client.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  private final ProblemResponses responses;

  ProblemAdvice(ProblemResponses responses) {
    this.responses = responses;
  }

  /** The container's own time limit on an asynchronous answer passed (a backstop). */
  @ExceptionHandler(TimeoutException.class)
  ResponseEntity<Object> deadline(TimeoutException e, WebRequest request) {
    return answer(StandardDetails.deadlineExceeded(), request);
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Object> invalid(InvalidInputException e, WebRequest request) {
    return answer(Problems.INVALID_REQUEST.detail(HttpStatus.BAD_REQUEST, e.getMessage()), request);
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException e, WebRequest request) {
    return answer(StandardDetails.tooLarge(e), request);
  }

  /** A multipart body that cannot be parsed (no boundary, truncated): the client's mistake. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> unreadableMultipart(MultipartException e, WebRequest request) {
    return answer(
        Problems.INVALID_REQUEST.detail(
            HttpStatus.BAD_REQUEST, "The multipart request body could not be read"),
        request);
  }

  /** A query string Tomcat cannot decode: a stray {@code %}, or bytes that are not UTF-8. */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<Object> malformedQuery(InvalidParameterException e, WebRequest request) {
    return answer(
        Problems.INVALID_REQUEST.detail(
            HttpStatus.BAD_REQUEST,
            "The query string is malformed: each '%' must start an escape of UTF-8 bytes"),
        request);
  }

  /**
   * Actuator answers a health path nested below a name it does not know ({@code
   * /actuator/health/nothing/deeper}) with this exception instead of the 404 a single unknown name
   * gets: a client's mistake, answered as one and not logged. Any other is unexpected.
   */
  @ExceptionHandler(IllegalStateException.class)
  ResponseEntity<Object> illegalState(IllegalStateException e, WebRequest request) {
    Object route =
        request.getAttribute(
            HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (route instanceof String pattern && pattern.endsWith("/health/**")) {
      return answer(StandardDetails.problem(HttpStatus.NOT_FOUND), request);
    }
    return unexpected(e, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    log.error("Unexpected error", e);
    return answer(
        Problems.INTERNAL_ERROR.detail(
            HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred"),
        request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    PayloadTooLargeException tooLarge = BodyErrors.find(e, PayloadTooLargeException.class);
    if (tooLarge != null) {
      return answer(StandardDetails.tooLarge(tooLarge), headers, request);
    }
    return answer(
        Problems.INVALID_REQUEST.detail(HttpStatus.BAD_REQUEST, BodyErrors.describe(e)),
        headers,
        request);
  }

  /**
   * Spring MVC's own errors (unknown path, method, media type) get a type URN and a detail written
   * here: theirs is library text that may echo the request.
   */
  @Override
  protected @Nullable ResponseEntity<Object> handleExceptionInternal(
      Exception e,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (body == null
        || (body instanceof ProblemDetail problem
            && (problem.getType() == null || "about:blank".equals(problem.getType().toString())))) {
      body =
          Problems.forStatus(status.value())
              .detail(status, StandardDetails.describe(e, status.value()));
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      return answer(problem, headers, request);
    }
    return super.createResponseEntity(body, headers, status, request);
  }

  private @Nullable ResponseEntity<Object> answer(ProblemDetail problem, WebRequest request) {
    return responses.answer(problem, new HttpHeaders(), request);
  }

  private @Nullable ResponseEntity<Object> answer(
      ProblemDetail problem, HttpHeaders headers, WebRequest request) {
    return responses.answer(problem, headers, request);
  }
}
