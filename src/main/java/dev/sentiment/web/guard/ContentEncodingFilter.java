package dev.sentiment.web.guard;

import dev.sentiment.web.problem.ProblemWriter;
import dev.sentiment.web.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body in a content coding (gzip, deflate, br...): the service reads bodies as
 * they are, so a compressed one would be parsed as garbage, or worse, a body merely labelled
 * compressed would be accepted as if the label meant nothing. RFC 9110 (15.5.16) answers such a
 * body with 415 and an {@code Accept-Encoding} naming what the server does take.
 */
class ContentEncodingFilter extends OncePerRequestFilter {

  private final ProblemWriter problems;

  ContentEncodingFilter(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean hasBody =
        request.getContentLengthLong() > 0
            || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    if (!hasBody) {
      chain.doFilter(request, response);
      return;
    }
    for (String header : Collections.list(request.getHeaders(HttpHeaders.CONTENT_ENCODING))) {
      for (String coding : header.split(",")) {
        String name = coding.trim().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !name.equals("identity")) {
          response.setHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
          problems.write(
              request,
              response,
              Problems.UNSUPPORTED_MEDIA_TYPE.detail(
                  HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                  "Request bodies are read as sent: send this one without a Content-Encoding"));
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }
}
