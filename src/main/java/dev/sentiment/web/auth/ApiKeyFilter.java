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
 * credentials, and GET of the web console's static files. The key's name becomes the request's
 * {@link Caller}. Secrets are never logged.
 */
class ApiKeyFilter extends OncePerRequestFilter {

  static final String API_KEY_HEADER = "X-API-Key";
  private static final String BEARER = "Bearer ";

  /**
   * The web console's page and assets (package {@code dev.sentiment.page}): static files holding no
   * data, which must load before the person has typed the key the page then sends.
   */
  private static final Set<String> PAGE_FILES =
      Set.of(
          "/",
          "/index.html",
          "/console/api.js",
          "/console/batch.js",
          "/console/console.css",
          "/console/files.js",
          "/console/icon.svg",
          "/console/jobs.js",
          "/console/main.js",
          "/console/render.js");

  private final ApiKeys keys;
  private final ProblemWriter problems;

  ApiKeyFilter(ApiKeys keys, ProblemWriter problems) {
    this.keys = keys;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.equals("/actuator/health")
        || path.startsWith("/actuator/health/")
        || ("GET".equals(request.getMethod()) && PAGE_FILES.contains(path));
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
