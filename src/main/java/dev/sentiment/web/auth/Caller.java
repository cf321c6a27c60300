package dev.sentiment.web.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling: the name of the API key a request authenticated with, or {@link #ANONYMOUS} when
 * API keys are off. Features use it to scope what a caller may see (a batch job belongs to the key
 * that created it).
 */
public final class Caller {

  /** The caller when API keys are switched off: everyone is the same caller. */
  public static final String ANONYMOUS = "anonymous";

  static final String ATTRIBUTE = Caller.class.getName();

  private Caller() {}

  /** The current request's caller. */
  public static String of(HttpServletRequest request) {
    Object caller = request.getAttribute(ATTRIBUTE);
    return caller instanceof String name ? name : ANONYMOUS;
  }
}
