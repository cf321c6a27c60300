package dev.sentiment.web.guard;

import dev.sentiment.web.problem.ProblemWriter;
import dev.sentiment.web.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a path with {@code .} or {@code ..} segments ({@code /actuator/health/../env}). Tomcat
 * maps such a request by its normalised path, but Spring MVC matches the path as sent, so an
 * endpoint could see the dot segments as its own arguments (the health endpoint then failed with a
 * 500). No client of this service needs them: a 400 is the honest answer.
 */
class DotSegmentFilter extends OncePerRequestFilter {

  private final ProblemWriter problems;

  DotSegmentFilter(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (hasDotSegment(request.getRequestURI())) {
      problems.write(
          request,
          response,
          Problems.INVALID_REQUEST.detail(
              HttpStatus.BAD_REQUEST, "The path must not contain '.' or '..' segments"));
      return;
    }
    chain.doFilter(request, response);
  }

  /** Whether a raw request path has a segment that is, or decodes to, {@code .} or {@code ..}. */
  static boolean hasDotSegment(String path) {
    if (path.indexOf('.') < 0 && path.indexOf('%') < 0) {
      return false; // Every request of the API: no segment to look at.
    }
    int start = 0;
    while (start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      String segment = path.substring(start, end);
      int parameters = segment.indexOf(';');
      if (parameters >= 0) {
        segment = segment.substring(0, parameters);
      }
      // Spring MVC decodes segments before matching, so an encoded dot counts too.
      segment = segment.replace("%2e", ".").replace("%2E", ".");
      if (segment.equals(".") || segment.equals("..")) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }
}
