package dev.sentiment.inference;

import java.util.List;

/**
 * How the windows of a long text make the document's answer: the mean of their probabilities, each
 * window weighted by its content tokens, so every token of the text counts the same however the
 * text was cut into windows.
 */
final class WindowAggregation {

  private WindowAggregation() {}

  /** The document's probabilities from its windows' and their token counts. */
  static double[] combine(List<double[]> windows, int[] tokens) {
    double[] mean = new double[windows.get(0).length];
    double total = 0;
    for (int i = 0; i < windows.size(); i++) {
      double weight = Math.max(1, tokens[i]);
      total += weight;
      for (int k = 0; k < mean.length; k++) {
        mean[k] += weight * windows.get(i)[k];
      }
    }
    for (int k = 0; k < mean.length; k++) {
      mean[k] /= total;
    }
    return mean;
  }
}
