package dev.sentiment.web.guard;

import dev.sentiment.web.problem.PayloadTooLargeException;
import dev.sentiment.web.problem.ProblemWriter;
import dev.sentiment.web.problem.StandardDetails;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces body-size limits before anything is parsed: a declared {@code Content-Length} over the
 * limit is refused at once, and a chunked body is counted as it is read and stops at the limit.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

  private final List<BodySizeLimit> limits;
  private final DataSize defaultLimit;
  private final ProblemWriter problems;

  BodySizeLimitFilter(List<BodySizeLimit> limits, DataSize defaultLimit, ProblemWriter problems) {
    this.limits =
        limits.stream()
            .sorted(
                Comparator.comparingInt((BodySizeLimit l) -> l.pathPrefix().length()).reversed())
            .toList();
    this.defaultLimit = defaultLimit;
    this.problems = problems;
  }

  DataSize limitFor(String path) {
    for (BodySizeLimit limit : limits) {
      if (path.startsWith(limit.pathPrefix())) {
        return limit.max();
      }
    }
    return defaultLimit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    DataSize limit = limitFor(request.getRequestURI());
    if (request.getContentLengthLong() > limit.toBytes()) {
      problems.write(
          request, response, StandardDetails.tooLarge(new PayloadTooLargeException(limit)));
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }

  /** A request whose body stream fails once more than the limit has been read. */
  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final DataSize limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, DataSize limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class LimitedStream extends ServletInputStream {

    private final ServletInputStream delegate;
    private final DataSize limit;
    private long read;

    LimitedStream(ServletInputStream delegate, DataSize limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws PayloadTooLargeException {
      read += n;
      if (read > limit.toBytes()) {
        throw new PayloadTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
