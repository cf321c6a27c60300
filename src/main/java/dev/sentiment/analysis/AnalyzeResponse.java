package dev.sentiment.analysis;

import dev.sentiment.inference.Prediction;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * The answer of {@code POST /analyze}.
 *
 * @param sentiment the most probable label
 * @param score its probability
 * @param probabilities every label's probability
 * @param model the name of the model that answered
 * @param truncated whether the text was cut to the model's maximum length
 */
record AnalyzeResponse(
    @Schema(example = "POSITIVE") String sentiment,
    @Schema(example = "0.97") double score,
    @Schema(example = "{\"NEGATIVE\": 0.03, \"POSITIVE\": 0.97}") Map<String, Double> probabilities,
    @Schema(example = "sentiment-en-sst2") String model,
    boolean truncated) {

  static AnalyzeResponse of(Prediction prediction, String model) {
    return new AnalyzeResponse(
        prediction.label(),
        prediction.score(),
        prediction.probabilities(),
        model,
        prediction.truncated());
  }
}
