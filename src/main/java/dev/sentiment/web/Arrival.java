package dev.sentiment.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * When a request reached the service, stamped by the first filter: a deadline counts from there,
 * since the time spent reading and parsing a body is part of what the client waits.
 */
public final class Arrival {

  static final String ATTRIBUTE = Arrival.class.getName();

  private Arrival() {}

  static void stamp(HttpServletRequest request) {
    request.setAttribute(ATTRIBUTE, System.nanoTime());
  }

  /** The {@link System#nanoTime()} the request arrived at; now, if it was never stamped. */
  public static long nanos(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof Long arrived ? arrived : System.nanoTime();
  }
}
