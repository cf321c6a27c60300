package dev.sentiment.web.guard;

import dev.sentiment.web.problem.ProblemWriter;
import dev.sentiment.web.problem.StandardDetails;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests a feature's {@link AdmissionCheck} turns away, with the same problem answer as a
 * refusal from deeper in the service (503, {@code overloaded}, {@code Retry-After}), before the
 * body is read or Spring MVC runs.
 */
class AdmissionFilter extends OncePerRequestFilter {

  private final List<AdmissionCheck> checks;
  private final ProblemWriter problems;

  AdmissionFilter(List<AdmissionCheck> checks, ProblemWriter problems) {
    this.checks = List.copyOf(checks);
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (AdmissionCheck check : checks) {
      Optional<Duration> retryAfter = check.refuse(request);
      if (retryAfter.isPresent()) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.get().toSeconds()));
        problems.write(request, response, StandardDetails.overloaded());
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
