package dev.sentiment.system;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

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
 * @param deadline how long {@code result} may take; it should fail by then, and the container
 *     answers 408 itself a few seconds later if it has not
 * @param <T> the type of the body
 */
public record PendingAnswer<T>(CompletableFuture<T> result, Duration deadline) {}
