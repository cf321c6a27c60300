package dev.sentiment.web.guard;

import dev.sentiment.web.problem.ProblemWriter;
import dev.sentiment.web.problem.StandardDetails;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives an error answered without a body its problem+json body. Actuator answers a health group or
 * component it does not know with a bare 404, flushed before any filter sees it; this filter holds
 * such a flush back until the endpoint is done, then writes the problem the rest of the service
 * would have written. An error that comes with a body of its own (health DOWN is a 503 with the
 * status) is left as it is.
 */
class EmptyErrorBodyFilter extends OncePerRequestFilter {

  private final ProblemWriter problems;

  EmptyErrorBodyFilter(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HeldResponse held = new HeldResponse(response);
    chain.doFilter(request, held);
    int status = held.getStatus();
    if (status >= 400 && !held.bodyStarted && !response.isCommitted()) {
      problems.write(request, response, StandardDetails.problem(HttpStatusCode.valueOf(status)));
      return;
    }
    if (held.flushHeld) {
      response.flushBuffer();
    }
  }

  /** A response whose flush waits while it is an error without a body. */
  private static final class HeldResponse extends HttpServletResponseWrapper {

    private boolean bodyStarted;
    private boolean flushHeld;

    HeldResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      bodyStarted = true;
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      bodyStarted = true;
      return super.getWriter();
    }

    @Override
    public void sendError(int sc) throws IOException {
      bodyStarted = true; // the container's error page writes the problem body
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      bodyStarted = true;
      super.sendError(sc, msg);
    }

    @Override
    public void flushBuffer() throws IOException {
      if (getStatus() >= 400 && !bodyStarted) {
        flushHeld = true;
        return;
      }
      super.flushBuffer();
    }
  }
}
