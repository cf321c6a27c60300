package dev.sentiment.web.async;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * A JSON answer that a controller returns before it is computed. The request thread is released at
 * once; when {@code result} completes, its value is written as the {@code 200} body, or its failure
 * is answered by the same {@code @ExceptionHandler}s as any error. If the client goes away first,
 * {@code result} is cancelled.
 *
 * <p>Unlike returning the {@link CompletableFuture} itself, this does not dispatch the request a
 * second time through the container, the filters and Spring MVC just to write the answer: see
 * {@link PendingAnswerHandler}.
 *
 * @param result the body of the answer, or the failure to answer with
 * @param limit how long {@code result} may take: a backstop, not the deadline (the feature's result
 *     fails at its deadline); the container answers 408 itself a few seconds past it
 * @param headers headers the answer carries, from its value or failure, set before it is written
 * @param <T> the type of the body
 */
public record PendingAnswer<T>(
    CompletableFuture<T> result, Duration limit, AnswerHeaders<? super T> headers) {

  /** An answer with no headers of its own. */
  public PendingAnswer(CompletableFuture<T> result, Duration limit) {
    this(result, limit, (value, failure) -> HttpHeaders.EMPTY);
  }

  /** The headers of an answer, once its value or failure is known. */
  @FunctionalInterface
  public interface AnswerHeaders<T> {
    /** Exactly one of {@code value} and {@code failure} is given. */
    HttpHeaders of(@Nullable T value, @Nullable Throwable failure);
  }
}
