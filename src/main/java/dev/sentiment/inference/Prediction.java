package dev.sentiment.inference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's answer for one text.
 *
 * @param label the most probable label
 * @param score the probability of that label
 * @param probabilities every label's probability, in the model's label order
 * @param tokens the number of tokens the model saw, special tokens included
 * @param truncated whether the text was longer than the model's maximum and was cut
 */
public record Prediction(
    String label, double score, Map<String, Double> probabilities, int tokens, boolean truncated) {

  /** The prediction for {@code probabilities} in the order of {@code labels}. */
  static Prediction of(List<String> labels, float[] probabilities, int tokens, boolean truncated) {
    Map<String, Double> byLabel = new LinkedHashMap<>();
    int best = 0;
    for (int i = 0; i < probabilities.length; i++) {
      // Through the float's shortest decimal form, so 0.97f is answered as 0.97, not 0.9700000286.
      byLabel.put(labels.get(i), Double.parseDouble(Float.toString(probabilities[i])));
      if (probabilities[i] > probabilities[best]) {
        best = i;
      }
    }
    String label = labels.get(best);
    return new Prediction(label, byLabel.get(label), byLabel, tokens, truncated);
  }

  /** The probabilities in the order of {@code labels}, as the model gave them (floats). */
  float[] vector(List<String> labels) {
    float[] vector = new float[labels.size()];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = probabilities.getOrDefault(labels.get(i), 0.0).floatValue();
    }
    return vector;
  }
}
