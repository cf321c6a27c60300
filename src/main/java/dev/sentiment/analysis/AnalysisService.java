package dev.sentiment.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.sentiment.inference.Deadline;
import dev.sentiment.inference.InferenceEngine;
import dev.sentiment.inference.ModelInfo;
import dev.sentiment.inference.Priority;
import dev.sentiment.inference.TextAnalysis;
import dev.sentiment.web.problem.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

/** Classifies the texts of one request within the request's deadline. */
@Service
class AnalysisService {

  static final String SENTENCES = "sentences";

  private final InferenceEngine engine;
  private final AnalysisProperties properties;

  AnalysisService(InferenceEngine engine, AnalysisProperties properties) {
    this.engine = engine;
    this.properties = properties;
  }

  /**
   * An answer and where its time went. Written as its body alone.
   *
   * @param body an {@link AnalyzeResponse} or an {@link AnalyzeListResponse}
   * @param queued the longest any of its texts waited for a worker
   * @param computing the longest any of its texts was computed
   */
  record Answer(@JsonValue Object body, Duration queued, Duration computing) {}

  /**
   * The answer, or a future failed with the engine's exceptions. The request's {@link Deadline} is
   * made here, once, from its arrival ({@link System#nanoTime()}) and the server's or the client's
   * limit; the engine enforces it for every text. Cancelling the returned future withdraws the
   * texts from the queue.
   */
  CompletableFuture<Answer> analyze(
      AnalyzeRequest request, String timeoutMs, String detail, long arrivedNanos) {
    List<String> texts = request.checked(properties.maxTexts());
    boolean sentences = sentences(detail);
    Deadline deadline = Deadline.after(arrivedNanos, limit(timeoutMs));
    List<Integer> sent = new ArrayList<>();
    List<String> readable = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (!texts.get(i).isBlank()) {
        sent.add(i);
        readable.add(texts.get(i));
      }
    }
    List<CompletableFuture<TextAnalysis>> work =
        engine.analyze(readable, deadline, Priority.INTERACTIVE, sentences);
    String model = engine.model().map(ModelInfo::name).orElse("");
    CompletableFuture<Answer> answer =
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new))
            .handle(
                (done, failure) ->
                    request.several()
                        ? list(texts, sent, work, model, sentences)
                        : single(texts.get(0), work.get(0), model, sentences));
    answer.whenComplete(
        (result, error) -> {
          if (answer.isCancelled()) {
            work.forEach(future -> future.cancel(false));
          }
        });
    return answer;
  }

  private static Answer single(
      String text, CompletableFuture<TextAnalysis> work, String model, boolean sentences) {
    TextAnalysis analysis = work.join(); // a failure fails the request, as it is
    return new Answer(
        AnalyzeResponse.of(analysis, text, model, sentences),
        analysis.timing().queued(),
        analysis.timing().computing());
  }

  private static Answer list(
      List<String> texts,
      List<Integer> sent,
      List<CompletableFuture<TextAnalysis>> work,
      String model,
      boolean sentences) {
    List<Object> results = new ArrayList<>(texts.size());
    Duration queued = Duration.ZERO;
    Duration computing = Duration.ZERO;
    int next = 0;
    for (int i = 0; i < texts.size(); i++) {
      if (next >= sent.size() || sent.get(next).intValue() != i) {
        results.add(TextProblems.entry(TextProblems.blank(i)));
        continue;
      }
      CompletableFuture<TextAnalysis> future = work.get(next++);
      if (future.isCompletedExceptionally()) {
        Throwable failure = cause(future);
        Optional<ProblemDetail> own = TextProblems.of(failure);
        if (own.isEmpty()) {
          // At capacity, not ready, out of time: the request's failure, not this text's.
          throw new CompletionException(failure);
        }
        results.add(TextProblems.entry(own.get()));
        continue;
      }
      TextAnalysis analysis = future.join();
      results.add(AnalyzeResponse.of(analysis, texts.get(i), model, sentences));
      queued = max(queued, analysis.timing().queued());
      computing = max(computing, analysis.timing().computing());
    }
    return new Answer(new AnalyzeListResponse(model, results), queued, computing);
  }

  /** Why a completed future failed, unwrapped from the completion that carries it. */
  private static Throwable cause(CompletableFuture<?> failed) {
    Throwable failure = failed.handle((value, error) -> error).join();
    return failure instanceof CompletionException e && e.getCause() != null
        ? e.getCause()
        : failure;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static boolean sentences(String detail) {
    if (detail == null) {
      return false;
    }
    if (!SENTENCES.equals(detail)) {
      throw new InvalidInputException("'detail' must be 'sentences'");
    }
    return true;
  }

  /** The server's deadline, or the client's shorter one; an empty or odd value is an error. */
  private Duration limit(String timeoutMs) {
    if (timeoutMs == null) {
      return properties.timeout();
    }
    long max = properties.timeout().toMillis();
    long requested = -1;
    // ASCII digits only: Long.parseLong would also take other scripts' digits, such as '１００'.
    if (!timeoutMs.isEmpty()
        && timeoutMs.length() <= 18
        && timeoutMs.chars().allMatch(c -> c >= '0' && c <= '9')) {
      requested = Long.parseLong(timeoutMs);
    }
    if (requested < 1 || requested > max) {
      throw new InvalidInputException("'timeout_ms' must be an integer between 1 and " + max);
    }
    return Duration.ofMillis(requested);
  }
}
