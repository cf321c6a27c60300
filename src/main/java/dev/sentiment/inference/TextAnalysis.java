package dev.sentiment.inference;

import java.time.Duration;
import java.util.List;

/**
 * The answer for one whole text, however long: the document's label and probabilities aggregated
 * over every window the model read, and, when asked for, each sentence's own.
 *
 * @param document the document's answer; its {@code truncated} is true only when the text passed
 *     the engine's hard cap ({@code sentiment.inference.max-windows}) and was cut there
 * @param windows how many windows the model read
 * @param sentences each sentence's answer, in text order; empty unless sentences were asked for
 * @param mixed whether the sentences hold both a confident negative and a confident positive (see
 *     {@link SentenceAnalysis#CONFIDENT}); false unless sentences were asked for
 * @param timing where the answer's time went
 */
public record TextAnalysis(
    Prediction document,
    int windows,
    List<SentenceAnalysis> sentences,
    boolean mixed,
    Timing timing) {

  /**
   * Where the time of one text went.
   *
   * @param queued from admission until the last of its windows entered a forward pass
   * @param computing from the first of its passes starting to the last ending
   */
  public record Timing(Duration queued, Duration computing) {}
}
