package dev.sentiment.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires an API key on every endpoint but the health probes, which orchestrators call without
 * credentials. The key's name becomes the request's {@link Caller}. Secrets are never logged.
 */
class ApiKeyFilter extends OncePerRequestFilter {

  static final String API_KEY_HEADER = "X-API-Key";
  private static final String BEARER = "Bearer ";

  private final ApiKeys keys;
  private final ProblemWriter problems;

  ApiKeyFilter(ApiKeys keys, ProblemWriter problems) {
    this.keys = keys;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> caller = presented(request).flatMap(keys::nameOf);
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

  private static Optional<String> presented(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.of(authorization.substring(BEARER.length()).trim());
    }
    return Optional.ofNullable(request.getHeader(API_KEY_HEADER)).map(String::trim);
  }
}
