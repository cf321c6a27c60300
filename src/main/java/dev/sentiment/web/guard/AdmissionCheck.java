package dev.sentiment.web.guard;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * A feature's say on whether a request can be taken at all, asked before anything else is done with
 * it. A feature declares one as a bean when it can tell cheaply that it is at capacity: the request
 * is then answered 503 with {@code Retry-After} straight from a servlet filter, without reading its
 * body or entering Spring MVC, so that under overload refusing stays far cheaper than answering.
 */
public interface AdmissionCheck {

  /**
   * How long the caller should wait before retrying, if this request must be refused now; empty to
   * let it through. Called for every request, so it must be cheap and must not block.
   */
  Optional<Duration> refuse(HttpServletRequest request);
}
