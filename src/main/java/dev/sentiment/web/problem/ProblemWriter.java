package dev.sentiment.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem detail straight to a response, for code that runs outside Spring MVC (the
 * filters, and the advices when Spring MVC cannot write one). One instance serves them all.
 */
@Component
public class ProblemWriter {

  private final JsonMapper json;

  public ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    if (problem.getInstance() == null) {
      try {
        problem.setInstance(URI.create(request.getRequestURI()));
      } catch (IllegalArgumentException e) {
        // A path that is not a valid URI is simply not echoed.
      }
    }
    request.setAttribute(Problems.ATTRIBUTE, ProblemResponses.slug(problem));
    response.resetBuffer();
    response.setStatus(problem.getStatus());
    // Bytes in UTF-8, as JSON always is; no charset parameter, as the controllers' answers have
    // none, so every problem carries the same Content-Type.
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
