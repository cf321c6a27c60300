package dev.sentiment.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sentiment.inference.SentenceAnalysis;
import dev.sentiment.inference.TextAnalysis;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The answer for one text of {@code POST /analyze}.
 *
 * @param sentiment the most probable label
 * @param score its probability
 * @param probabilities every label's probability
 * @param model the name of the model that answered
 * @param truncated whether the text was longer than the service reads ({@code
 *     sentiment.inference.max-windows}, 128 windows by default) and was cut
 * @param windows how many windows were read: 1 for a text that fits the model, else windows of at
 *     most {@code sentiment.inference.window-tokens}
 * @param sentences each sentence's own answer, with {@code ?detail=sentences} only
 * @param mixed whether a confident negative and a confident positive sentence (probability at least
 *     0.8) are both in the text, with {@code ?detail=sentences} only
 */
record AnalyzeResponse(
    @Schema(example = "POSITIVE") String sentiment,
    @Schema(example = "0.97") double score,
    @Schema(example = "{\"NEGATIVE\": 0.01, \"NEUTRAL\": 0.02, \"POSITIVE\": 0.97}")
        Map<String, Double> probabilities,
    @Schema(example = "sentiment-en") String model,
    boolean truncated,
    @Schema(example = "1") int windows,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<SentenceResult> sentences,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean mixed) {

  static AnalyzeResponse of(TextAnalysis analysis, String text, String model, boolean detail) {
    return new AnalyzeResponse(
        analysis.document().label(),
        analysis.document().score(),
        analysis.document().probabilities(),
        model,
        analysis.document().truncated(),
        analysis.windows(),
        detail ? analysis.sentences().stream().map(s -> SentenceResult.of(s, text)).toList() : null,
        detail ? analysis.mixed() : null);
  }

  /**
   * One sentence's answer.
   *
   * @param text the sentence, exactly {@code text.substring(start, end)} of the text sent
   * @param start offset of its first character (UTF-16 code units, as JavaScript and Java count)
   * @param end offset just past its last character
   * @param sentiment its most probable label
   * @param score that label's probability
   * @param probabilities every label's probability
   */
  record SentenceResult(
      String text,
      int start,
      int end,
      String sentiment,
      double score,
      Map<String, Double> probabilities) {

    static SentenceResult of(SentenceAnalysis sentence, String text) {
      return new SentenceResult(
          text.substring(sentence.start(), sentence.end()),
          sentence.start(),
          sentence.end(),
          sentence.prediction().label(),
          sentence.prediction().score(),
          sentence.prediction().probabilities());
    }
  }
}
