package dev.sentiment.inference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The work of one text and its answer: a work item per window and per sentence read alone, and the
 * future that completes, once every item has, with the windows' predictions combined by {@link
 * WindowAggregation} into the document's (a sentence cut into pieces is combined the same way). It
 * fails with the first item's failure; cancelling it withdraws every item.
 */
final class DocumentAnswer {

  final CompletableFuture<TextAnalysis> future = new CompletableFuture<>();
  final List<WorkItem> items = new ArrayList<>();
  private final DocumentReader.Document document;
  private final List<WorkItem> windows = new ArrayList<>();
  private final List<List<WorkItem>> sentences = new ArrayList<>();
  private final List<String> labels;
  private final EngineMetrics metrics;

  DocumentAnswer(
      DocumentReader.Document document,
      Priority priority,
      boolean counted,
      Deadline deadline,
      List<String> labels,
      EngineMetrics metrics) {
    this.document = document;
    this.metrics = metrics;
    this.labels = labels;
    long now = System.nanoTime();
    for (EncodedText window : document.windows()) {
      WorkItem item = new WorkItem(window, priority, counted, now, deadline);
      item.countsPrediction = false;
      windows.add(item);
    }
    items.addAll(windows);
    for (DocumentReader.Sentence sentence : document.sentences()) {
      if (sentence.own() == null) {
        sentences.add(sentence.windows().stream().map(windows::get).toList());
      } else {
        WorkItem own = new WorkItem(sentence.own(), priority, counted, now, deadline);
        own.countsPrediction = false;
        items.add(own);
        sentences.add(List.of(own));
      }
    }
    if (items.size() > 1) {
      items.forEach(item -> item.partOfDocument = true);
    }
  }

  /** Completes {@link #future} once every item is answered; cancelling it withdraws them. */
  void start() {
    CompletableFuture<?>[] all =
        items.stream().map(item -> item.future).toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(all)
        .whenComplete(
            (done, failure) -> {
              if (failure != null) {
                future.completeExceptionally(
                    failure.getCause() != null ? failure.getCause() : failure);
              } else {
                future.complete(answer());
              }
            });
    future.whenComplete(
        (result, failure) -> {
          if (future.isCancelled()) {
            items.forEach(item -> item.future.cancel(false));
          }
        });
  }

  private TextAnalysis answer() {
    Prediction whole = combine(windows, document.truncated());
    List<SentenceAnalysis> read = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      TextSpan span = document.sentences().get(i).span();
      read.add(new SentenceAnalysis(span.start(), span.end(), combine(sentences.get(i), false)));
    }
    boolean mixed =
        read.stream().anyMatch(s -> s.confidently("NEGATIVE"))
            && read.stream().anyMatch(s -> s.confidently("POSITIVE"));
    metrics.predicted(whole.label());
    return new TextAnalysis(whole, windows.size(), List.copyOf(read), mixed, timing());
  }

  /** The prediction of several windows read as one text; one window's is its own. */
  private Prediction combine(List<WorkItem> parts, boolean truncated) {
    int tokens = 0;
    for (WorkItem part : parts) {
      tokens += part.text.length();
    }
    if (parts.size() == 1) {
      Prediction only = parts.get(0).future.join();
      return truncated
          ? new Prediction(only.label(), only.score(), only.probabilities(), tokens, true)
          : only;
    }
    List<float[]> probabilities = new ArrayList<>(parts.size());
    for (WorkItem part : parts) {
      probabilities.add(part.future.join().vector(labels));
    }
    return Prediction.of(labels, WindowAggregation.combine(probabilities), tokens, truncated);
  }

  private TextAnalysis.Timing timing() {
    long admitted = items.get(0).admittedNanos;
    long firstStart = Long.MAX_VALUE;
    long lastStart = admitted;
    long lastEnd = admitted;
    for (WorkItem item : items) {
      firstStart = Math.min(firstStart, item.startedNanos);
      lastStart = Math.max(lastStart, item.startedNanos);
      lastEnd = Math.max(lastEnd, item.computedNanos);
    }
    return new TextAnalysis.Timing(
        Duration.ofNanos(Math.max(0, lastStart - admitted)),
        Duration.ofNanos(Math.max(0, lastEnd - firstStart)));
  }
}
