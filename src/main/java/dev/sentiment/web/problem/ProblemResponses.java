package dev.sentiment.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * Turns a problem into the answer an exception handler returns, for the service's catch-all advice
 * and for each feature's own: the problem's type is recorded on the request (metrics tag answers
 * with it), and when the request's {@code Accept} header cannot be parsed the problem is written
 * straight away, since Spring MVC would then leave an error's body empty.
 */
@Component
public class ProblemResponses {

  private final ProblemWriter writer;

  ProblemResponses(ProblemWriter writer) {
    this.writer = writer;
  }

  /** The answer for {@code problem} with extra {@code headers}; null once written directly. */
  public @Nullable ResponseEntity<Object> answer(
      ProblemDetail problem, HttpHeaders headers, WebRequest request) {
    request.setAttribute(Problems.ATTRIBUTE, slug(problem), RequestAttributes.SCOPE_REQUEST);
    if (request instanceof ServletWebRequest servlet
        && servlet.getResponse() != null
        && !acceptParses(servlet.getRequest())) {
      HttpServletResponse response = servlet.getResponse();
      headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
      try {
        writer.write(servlet.getRequest(), response, problem);
      } catch (IOException e) {
        // The client is gone; nobody is left to read the answer.
      }
      return null;
    }
    HttpHeaders copy = new HttpHeaders();
    copy.addAll(headers); // Spring may hand over read-only headers
    return ResponseEntity.status(problem.getStatus()).headers(copy).body(problem);
  }

  private static boolean acceptParses(HttpServletRequest request) {
    try {
      MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
      return true;
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  static String slug(ProblemDetail problem) {
    String type = String.valueOf(problem.getType());
    return type.substring(type.lastIndexOf(':') + 1);
  }
}
