package dev.sentiment.system;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat answers some errors itself, before any servlet runs (a malformed URL encoding, an invalid
 * header). Its default valve writes an HTML page; this one writes the same problem+json as the rest
 * of the service, with nothing but the status.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
      // Tomcat's answer to a transfer coding it does not know: the client's mistake, so a 4xx.
      status = HttpStatus.BAD_REQUEST.value();
      response.setStatus(status);
    }
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus resolved = HttpStatus.resolve(status);
    String title = resolved == null ? "Error" : resolved.getReasonPhrase();
    String json =
        "{\"type\":\"urn:sentiment:problem:"
            + Problems.forStatus(status).slug()
            + "\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + title
            + "\"}";
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
}
