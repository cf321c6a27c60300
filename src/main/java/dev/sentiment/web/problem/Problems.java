package dev.sentiment.web.problem;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The problem types this service answers with (RFC 9457). Each has a stable {@code type} URN that
 * clients can switch on; the title is the short, fixed summary and the detail explains this case.
 */
public enum Problems {
  INVALID_REQUEST("invalid-request", "Invalid request"),
  PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
  NOT_ACCEPTABLE("not-acceptable", "Not acceptable"),
  NOT_FOUND("not-found", "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
  CONFLICT("conflict", "Conflict"),
  UNAUTHORIZED("unauthorized", "Unauthorized"),
  DEADLINE_EXCEEDED("deadline-exceeded", "Deadline exceeded"),
  OVERLOADED("overloaded", "Overloaded"),
  MODEL_NOT_READY("model-not-ready", "Model not ready"),
  INFERENCE_FAILED("inference-failed", "Inference failed"),
  INTERNAL_ERROR("internal-error", "Internal error");

  /** The request attribute holding the slug of the problem a request was answered with. */
  public static final String ATTRIBUTE = Problems.class.getName() + ".slug";

  private final String slug;
  private final String title;

  Problems(String slug, String title) {
    this.slug = slug;
    this.title = title;
  }

  /** The short name in the type URN, e.g. {@code overloaded}. */
  public String slug() {
    return slug;
  }

  /** The fixed, short summary of this type. */
  public String title() {
    return title;
  }

  /** A problem detail of this type. */
  public ProblemDetail detail(HttpStatusCode status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:sentiment:problem:" + slug));
    problem.setTitle(title);
    return problem;
  }

  /** The problem type conventionally answered with this status. */
  public static Problems forStatus(int status) {
    return switch (status) {
      case 400 -> INVALID_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 408 -> DEADLINE_EXCEEDED;
      case 409 -> CONFLICT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 503 -> OVERLOADED;
      default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
    };
  }
}
