package dev.sentiment.web.problem;

import dev.sentiment.web.RequestIdFilter;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat answers some errors itself, before any servlet runs (a malformed URL encoding, an invalid
 * header). Its default valve writes an HTML page; this one writes the same problem+json as the rest
 * of the service: the type, title and detail of the status, the path when it is a valid URI, and a
 * request id.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    String detail = null;
    if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
      // Tomcat's answer to a transfer coding it does not know: the client's mistake, so a 4xx.
      status = HttpStatus.BAD_REQUEST.value();
      response.setStatus(status);
    } else if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
      // A request line naming another version (HTTP/2.0 in plain text, HTTP/1.2): also the
      // client's mistake, and no 5xx may answer one.
      status = HttpStatus.BAD_REQUEST.value();
      detail = "Only HTTP/1.0 and HTTP/1.1 requests are served here";
      response.setStatus(status);
    }
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    Problems type = Problems.forStatus(status);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:sentiment:problem:" + type.slug());
    problem.put("title", type.title());
    problem.put("status", status);
    problem.put("detail", detail != null ? detail : StandardDetails.forStatus(status));
    instance(request).ifPresent(path -> problem.put("instance", path));
    // Tomcat builds the valve by its class name, outside Spring: the shared mapper writes it.
    String json = JsonMapper.shared().writeValueAsString(problem);
    RequestIdFilter.nameIfUnnamed(response);
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(json);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The connection is going away; there is nobody left to tell.
    }
    response.getCoyoteResponse().action(ActionCode.CLOSE, null);
  }

  /** The request's path, if it is a valid URI. */
  private static Optional<String> instance(Request request) {
    String path = request.getRequestURI();
    if (path == null || path.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI.create(path);
      return Optional.of(path);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
