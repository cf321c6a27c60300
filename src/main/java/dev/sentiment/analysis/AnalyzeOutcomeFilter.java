package dev.sentiment.analysis;

import dev.sentiment.system.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every {@code /analyze} answer by outcome ({@code sentiment.requests}), including those
 * refused before reaching the controller (bad JSON, wrong content type, body too large).
 */
class AnalyzeOutcomeFilter extends OncePerRequestFilter {

  private static final Map<String, String> OUTCOME_BY_PROBLEM =
      Map.of(
          Problems.DEADLINE_EXCEEDED.slug(), "timeout",
          Problems.OVERLOADED.slug(), "overloaded",
          Problems.MODEL_NOT_READY.slug(), "unavailable",
          Problems.INFERENCE_FAILED.slug(), "error",
          Problems.UNAUTHORIZED.slug(), "unauthorized",
          Problems.INTERNAL_ERROR.slug(), "error");

  private final Map<String, Counter> counters;
  private final Counter invalid;

  AnalyzeOutcomeFilter(MeterRegistry registry) {
    counters =
        Map.of(
            "ok", counter(registry, "ok"),
            "timeout", counter(registry, "timeout"),
            "overloaded", counter(registry, "overloaded"),
            "unavailable", counter(registry, "unavailable"),
            "unauthorized", counter(registry, "unauthorized"),
            "error", counter(registry, "error"));
    invalid = counter(registry, "invalid");
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("sentiment.requests")
        .description("Answers of /analyze by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      if (request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new Recorder(request, response));
      } else {
        record(request, response);
      }
    }
  }

  private void record(HttpServletRequest request, HttpServletResponse response) {
    int status = response.getStatus();
    if (status < 400) {
      counters.get("ok").increment();
      return;
    }
    Object problem = request.getAttribute(Problems.ATTRIBUTE);
    String outcome = problem == null ? null : OUTCOME_BY_PROBLEM.get(problem.toString());
    if (outcome == null) {
      outcome = status >= 500 ? "error" : null;
    }
    (outcome == null ? invalid : counters.get(outcome)).increment();
  }

  private final class Recorder implements AsyncListener {
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    Recorder(HttpServletRequest request, HttpServletResponse response) {
      this.request = request;
      this.response = response;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      record(request, response);
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }
}
