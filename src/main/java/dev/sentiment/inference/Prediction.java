package dev.sentiment.inference;

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
    String label, double score, Map<String, Double> probabilities, int tokens, boolean truncated) {}
