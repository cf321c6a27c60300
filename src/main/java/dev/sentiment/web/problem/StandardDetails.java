package dev.sentiment.web.problem;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The details of errors that Tomcat and Spring MVC raise on their own (an unknown path, a method or
 * media type a route does not take). Their own messages are library text and may echo what the
 * caller sent (a multipart boundary, a malformed header), so the service writes these instead. Only
 * names and media types this service declares appear in them.
 */
public final class StandardDetails {

  private StandardDetails() {}

  /** The detail for an error of this status when nothing more specific is known. */
  static String forStatus(int status) {
    return switch (status) {
      case 400 -> "The request could not be parsed";
      case 401 -> "A valid API key is required";
      case 403 -> "This request is not allowed";
      case 404 -> "There is nothing at this path";
      case 405 -> "This path does not take this method; the Allow header lists the ones it does";
      case 406 -> "None of the media types in the Accept header can be produced here";
      case 408 -> "The request did not arrive within the time allowed";
      case 413 -> "The request is too large";
      case 414 -> "The request target is too long";
      case 415 -> "This content type is not accepted here";
      case 431 -> "The request headers are too large";
      case 503 -> "The service cannot answer now; try again later";
      default ->
          status >= 500 ? "An unexpected error occurred" : "The request could not be processed";
    };
  }

  /** The problem for an error of this status when nothing more specific is known. */
  public static ProblemDetail problem(HttpStatusCode status) {
    return Problems.forStatus(status.value()).detail(status, forStatus(status.value()));
  }

  /**
   * The answer to a request refused for lack of capacity, wherever it is refused: by the admission
   * filter before the body is read, or by a feature deeper in.
   */
  public static ProblemDetail overloaded() {
    return Problems.OVERLOADED.detail(
        HttpStatus.SERVICE_UNAVAILABLE, "The service is at capacity; retry later");
  }

  /** The answer to a request not answered within its deadline, wherever that is found. */
  public static ProblemDetail deadlineExceeded() {
    return Problems.DEADLINE_EXCEEDED.detail(
        HttpStatus.REQUEST_TIMEOUT, "No answer could be computed within the deadline");
  }

  /** The answer to a body over its limit, wherever the limit is found to be passed. */
  public static ProblemDetail tooLarge(PayloadTooLargeException e) {
    return Problems.PAYLOAD_TOO_LARGE.detail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
  }

  /** The detail for one of Spring MVC's own exceptions, answered with {@code status}. */
  static String describe(Exception e, int status) {
    if (e instanceof HttpMediaTypeNotSupportedException unsupported
        && !unsupported.getSupportedMediaTypes().isEmpty()) {
      return "This content type is not accepted here; send one of: "
          + names(unsupported.getSupportedMediaTypes());
    }
    if (e instanceof HttpMediaTypeNotAcceptableException notAcceptable
        && !notAcceptable.getSupportedMediaTypes().isEmpty()) {
      return "None of the media types in the Accept header can be produced here; available: "
          + names(notAcceptable.getSupportedMediaTypes());
    }
    if (e instanceof MissingServletRequestParameterException missing) {
      return "The query parameter '" + missing.getParameterName() + "' is required";
    }
    if (e instanceof MissingServletRequestPartException missing) {
      // Also when the part is there as a plain field (curl -F 'file=<x.csv'): it must be a file.
      return "The upload needs a file part named '"
          + missing.getRequestPartName()
          + "', sent as a file (curl -F "
          + missing.getRequestPartName()
          + "=@name.csv)";
    }
    if (e instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
      return "The parameter '" + mismatch.getPropertyName() + "' has an invalid value";
    }
    return forStatus(status);
  }

  private static String names(List<MediaType> types) {
    return types.stream().map(MediaType::toString).collect(Collectors.joining(", "));
  }
}
