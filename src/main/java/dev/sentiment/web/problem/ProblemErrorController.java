package dev.sentiment.web.problem;

import dev.sentiment.web.RequestIdFilter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page for errors raised outside Spring MVC (by the servlet container
 * or a filter): they too are answered as problem+json, with nothing but the status.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping(
      path = "${server.error.path:/error}",
      produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
  ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
    RequestIdFilter.nameIfUnnamed(response);
    HttpStatus status = status(request);
    ProblemDetail problem = StandardDetails.problem(status);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path) {
      try {
        problem.setInstance(java.net.URI.create(path));
      } catch (IllegalArgumentException e) {
        // Not a valid URI: leave it out rather than echo it.
      }
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code == null) {
      // Not an error dispatch: somebody asked for the error path itself.
      return HttpStatus.NOT_FOUND;
    }
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION)
        instanceof InvalidParameterException) {
      // A query string that cannot be decoded, first read by a filter: the client's mistake.
      return HttpStatus.BAD_REQUEST;
    }
    return code instanceof Integer value && HttpStatus.resolve(value) != null
        ? HttpStatus.valueOf(value)
        : HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
