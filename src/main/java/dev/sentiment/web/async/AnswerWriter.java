package dev.sentiment.web.async;

import dev.sentiment.web.RequestIdFilter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ends one asynchronous request exactly once: with its result, with its failure as a problem, or
 * with nothing when the request ended first (the client went away, which cancels the result).
 *
 * <p>The answer is written under this object's lock and only while the request is still open, so a
 * result that completes after the container gave up on the request never touches a response the
 * container may already have recycled for another request.
 */
final class AnswerWriter implements AsyncListener {

  private static final Logger log = LoggerFactory.getLogger(AnswerWriter.class);

  private final AsyncContext async;
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final CompletableFuture<?> result;
  private final JsonMapper json;
  private final HandlerExceptionResolver resolver;
  private final PendingAnswer.AnswerHeaders<Object> headers;
  private boolean ended; // guarded by this

  /**
   * Answers the request and response {@code async} was started with, without headers of its own.
   */
  AnswerWriter(
      AsyncContext async,
      CompletableFuture<?> result,
      JsonMapper json,
      HandlerExceptionResolver resolver) {
    this(async, result, json, resolver, (value, failure) -> HttpHeaders.EMPTY);
  }

  /** Answers the request and response {@code async} was started with, with {@code headers}. */
  AnswerWriter(
      AsyncContext async,
      CompletableFuture<?> result,
      JsonMapper json,
      HandlerExceptionResolver resolver,
      PendingAnswer.AnswerHeaders<Object> headers) {
    this.async = async;
    this.request = (HttpServletRequest) async.getRequest();
    this.response = (HttpServletResponse) async.getResponse();
    this.result = result;
    this.json = json;
    this.resolver = resolver;
    this.headers = headers;
  }

  /**
   * Runs where the result completes (an inference worker, a timer), so it only hands the writing to
   * the container's executor: a worker never waits on a client's socket.
   */
  void completed(@Nullable Object value, @Nullable Throwable failure) {
    try {
      async.start(() -> answer(value, failure));
    } catch (IllegalStateException e) {
      // The request has already ended: there is nobody left to answer.
    }
  }

  private void answer(@Nullable Object value, @Nullable Throwable failure) {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      Throwable cause =
          failure instanceof CompletionException e && e.getCause() != null ? e.getCause() : failure;
      try {
        headers
            .of(cause == null ? value : null, cause)
            .forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        if (cause == null) {
          writeJson(value);
        } else {
          writeProblem(cause);
        }
      } catch (RuntimeException e) {
        // Even the problem could not be written; the request still ends, below.
        log.error("Could not answer a request", e);
      }
    }
    complete();
  }

  private void writeJson(@Nullable Object value) {
    byte[] body;
    try {
      body = json.writeValueAsBytes(value);
    } catch (RuntimeException e) {
      // An answer that cannot be written is an unexpected error, answered as one.
      writeProblem(e);
      return;
    }
    try {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    } catch (IOException e) {
      // The client went away while the answer was written.
    }
  }

  /** Answers as any handler's exception would be: through the application's resolvers. */
  private void writeProblem(Throwable failure) {
    Exception exception =
        failure instanceof Exception e ? e : new IllegalStateException("Unexpected error", failure);
    // As DispatcherServlet does: a problem is not bound to the media types the handler produces.
    request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
    MDC.put(RequestIdFilter.MDC_KEY, response.getHeader(RequestIdFilter.HEADER));
    try {
      // The handler that returned the pending answer: a feature's advice scoped to its controller
      // must apply as it would to an exception thrown by the controller itself.
      Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
      resolver.resolveException(request, response, handler, exception);
    } finally {
      MDC.remove(RequestIdFilter.MDC_KEY);
    }
  }

  private void complete() {
    try {
      async.complete();
    } catch (IllegalStateException e) {
      // Already completed by the container after an error.
    }
  }

  /** The container's own limit passed first: answer 408 as the result's deadline would have. */
  @Override
  public void onTimeout(AsyncEvent event) {
    answer(null, new TimeoutException("the container's limit passed"));
    result.cancel(false);
  }

  /** The connection failed, typically because the client went away: nothing left to write. */
  @Override
  public void onError(AsyncEvent event) {
    synchronized (this) {
      ended = true;
    }
    result.cancel(false);
    complete();
  }

  @Override
  public void onComplete(AsyncEvent event) {}

  @Override
  public void onStartAsync(AsyncEvent event) {}
}
