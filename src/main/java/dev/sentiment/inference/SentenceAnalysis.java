package dev.sentiment.inference;

/**
 * One sentence's answer, read alone.
 *
 * @param start offset of its first character in the text as sent (UTF-16 units)
 * @param end offset just past its last character
 * @param prediction its label and probabilities
 */
public record SentenceAnalysis(int start, int end, Prediction prediction) {

  /**
   * How probable a sentence's label must be for it to count as a confident negative or positive
   * when a text is called mixed: 0.8, so that a calibrated model means it four times in five.
   */
  public static final double CONFIDENT = 0.8;

  boolean confidently(String label) {
    return prediction.label().equals(label) && prediction.score() >= CONFIDENT;
  }
}
