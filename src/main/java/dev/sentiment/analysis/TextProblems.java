package dev.sentiment.analysis;

import dev.sentiment.inference.InferenceException;
import dev.sentiment.inference.UnreadableTextException;
import dev.sentiment.web.problem.Problems;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The failures that belong to one text rather than to its request: a text with nothing the model
 * can read (400), or one the model failed on (500). Alone they are the request's problem; in a list
 * they fail only their own entry. Anything else (at capacity, not ready, out of time) fails the
 * whole request.
 */
final class TextProblems {

  private TextProblems() {}

  /** The problem of a failure that is the text's own, or empty if it is the request's. */
  static Optional<ProblemDetail> of(Throwable failure) {
    if (failure instanceof UnreadableTextException) {
      return Optional.of(
          Problems.INVALID_REQUEST.detail(HttpStatus.BAD_REQUEST, failure.getMessage()));
    }
    if (failure instanceof InferenceException) {
      return Optional.of(
          Problems.INFERENCE_FAILED.detail(HttpStatus.INTERNAL_SERVER_ERROR, failure.getMessage()));
    }
    return Optional.empty();
  }

  /** A blank item of a list: refused without asking the engine. */
  static ProblemDetail blank(int index) {
    return Problems.INVALID_REQUEST.detail(
        HttpStatus.BAD_REQUEST, "'texts[" + index + "]' must not be blank");
  }

  /** A problem as a list entry. */
  static AnalyzeListResponse.TextFailure entry(ProblemDetail problem) {
    return new AnalyzeListResponse.TextFailure(
        new AnalyzeListResponse.TextFailure.Error(
            String.valueOf(problem.getType()),
            problem.getTitle(),
            problem.getStatus(),
            problem.getDetail()));
  }
}
