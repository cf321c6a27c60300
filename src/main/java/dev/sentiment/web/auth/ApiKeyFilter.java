package dev.sentiment.web.auth;

import dev.sentiment.web.problem.ProblemWriter;
import dev.sentiment.web.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires an API key on every endpoint but the health probes, which orchestrators call without
 * credentials, and GET of the static files features declare {@link OpenResources}. The key's name
 * becomes the request's {@link Caller}. Secrets are never logged.
 */
class ApiKeyFilter extends OncePerRequestFilter {

  static final String API_KEY_HEADER = "X-API-Key";
  private static final String BEARER = "Bearer ";

  private final ApiKeys keys;
  private final ProblemWriter problems;
  private final Set<String> open;

  ApiKeyFilter(ApiKeys keys, ProblemWriter problems, Set<String> open) {
    this.keys = keys;
    this.problems = problems;
    this.open = Set.copyOf(open);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.equals("/actuator/health")
        || path.startsWith("/actuator/health/")
        || ("GET".equals(request.getMethod()) && open.contains(path));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Set<String> presented = presented(request);
    if (presented.size() > 1) {
      // Which key would win would depend on header order; no key is taken rather than a guess.
      problems.write(
          request,
          response,
          Problems.INVALID_REQUEST.detail(
              HttpStatus.BAD_REQUEST,
              "Send one API key, in Authorization: Bearer <key> or X-API-Key: <key>, not several"));
      return;
    }
    Optional<String> caller = presented.stream().findFirst().flatMap(keys::nameOf);
    if (caller.isEmpty()) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      problems.write(
          request,
          response,
          Problems.UNAUTHORIZED.detail(
              HttpStatus.UNAUTHORIZED,
              "A valid API key is required (Authorization: Bearer <key> or X-API-Key: <key>)"));
      return;
    }
    request.setAttribute(Caller.ATTRIBUTE, caller.get());
    chain.doFilter(request, response);
  }

  /** Every distinct key the request presents: Bearer tokens and {@code X-API-Key} values. */
  private static Set<String> presented(HttpServletRequest request) {
    Set<String> presented = new HashSet<>(2);
    for (String authorization : Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION))) {
      if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        presented.add(authorization.substring(BEARER.length()).trim());
      }
    }
    for (String key : Collections.list(request.getHeaders(API_KEY_HEADER))) {
      presented.add(key.trim());
    }
    return presented;
  }
}
