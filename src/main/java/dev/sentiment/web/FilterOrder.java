package dev.sentiment.web;

import org.springframework.core.Ordered;

/**
 * The order of every servlet filter the service registers, in one place: each registration takes
 * its order from here, so reading this list top to bottom is reading what a request meets.
 *
 * <p>Spring Boot's own {@code ServerHttpObservationFilter} ({@code http.server.requests}) sits at
 * {@code HIGHEST_PRECEDENCE + 1}, right after request ids: every answer below it, refusals
 * included, is observed with its problem type.
 */
public enum FilterOrder {
  /** Stamps the arrival (deadlines count from it) and gives the request its id. */
  REQUEST_ID(Ordered.HIGHEST_PRECEDENCE),
  /** No endpoint ever sees a path with {@code .} or {@code ..} segments. */
  DOT_SEGMENTS(Ordered.HIGHEST_PRECEDENCE + 2),
  /** Who is calling; off unless API keys are configured. */
  API_KEY(Ordered.HIGHEST_PRECEDENCE + 3),
  /** At capacity, refuse before the body is read: refusing must stay cheaper than answering. */
  ADMISSION(Ordered.HIGHEST_PRECEDENCE + 4),
  /** The web page's security headers, set before anything answers it (a file, a 304, a 404). */
  PAGE_HEADERS(Ordered.HIGHEST_PRECEDENCE + 5),
  /** Actuator's bare error statuses get a problem body. */
  EMPTY_ERROR_BODY(Ordered.HIGHEST_PRECEDENCE + 6),
  /** A compressed body is refused whatever its size: before body limits. */
  CONTENT_ENCODING(Ordered.HIGHEST_PRECEDENCE + 7),
  /** Bodies over their limit are cut off as they are read. */
  BODY_SIZE(Ordered.HIGHEST_PRECEDENCE + 8);

  private final int order;

  FilterOrder(int order) {
    this.order = order;
  }

  /** The order to register the filter with. */
  public int order() {
    return order;
  }
}
