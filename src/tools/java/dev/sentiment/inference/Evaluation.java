package dev.sentiment.inference;

import java.util.List;

/**
 * The scores of a labelled run: accuracy, macro-averaged recall (TweetEval's sentiment metric),
 * per-class precision, recall and F1, and the confusion matrix (rows: true label, columns:
 * predicted, both in the order of the labels given).
 */
final class Evaluation {

  private final List<String> labels;
  private final long[][] confusion;

  Evaluation(List<String> labels) {
    this.labels = List.copyOf(labels);
    this.confusion = new long[labels.size()][labels.size()];
  }

  List<String> labels() {
    return labels;
  }

  void add(String expected, String predicted) {
    confusion[indexOf(expected)][indexOf(predicted)]++;
  }

  private int indexOf(String label) {
    int index = labels.indexOf(label);
    if (index < 0) {
      // A silent -1 would be an ArrayIndexOutOfBounds far from the label that caused it.
      throw new IllegalArgumentException("not a label of this evaluation: " + label);
    }
    return index;
  }

  long count(int expected, int predicted) {
    return confusion[expected][predicted];
  }

  long total() {
    long total = 0;
    for (int i = 0; i < labels.size(); i++) {
      total += support(i);
    }
    return total;
  }

  long correct() {
    long correct = 0;
    for (int i = 0; i < labels.size(); i++) {
      correct += confusion[i][i];
    }
    return correct;
  }

  /** How many rows have this true label. */
  long support(int label) {
    long actual = 0;
    for (long n : confusion[label]) {
      actual += n;
    }
    return actual;
  }

  double accuracy() {
    return total() == 0 ? 0 : (double) correct() / total();
  }

  double precision(int label) {
    long predicted = 0;
    for (long[] row : confusion) {
      predicted += row[label];
    }
    return predicted == 0 ? 0 : (double) confusion[label][label] / predicted;
  }

  double recall(int label) {
    long actual = support(label);
    return actual == 0 ? 0 : (double) confusion[label][label] / actual;
  }

  double f1(int label) {
    double precision = precision(label);
    double recall = recall(label);
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  /**
   * The mean recall over the labels that occur as true labels. A label no row has (a model's
   * NEUTRAL on a binary file) has no recall to measure, so counting it as 0 would only lower the
   * score by a constant.
   */
  double macroRecall() {
    double sum = 0;
    int present = 0;
    for (int i = 0; i < labels.size(); i++) {
      if (support(i) > 0) {
        sum += recall(i);
        present++;
      }
    }
    return present == 0 ? 0 : sum / present;
  }

  private int presentLabels() {
    int present = 0;
    for (int i = 0; i < labels.size(); i++) {
      present += support(i) > 0 ? 1 : 0;
    }
    return present;
  }

  String report() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("accuracy      %.4f (%d/%d)%n", accuracy(), correct(), total()));
    out.append(
        String.format(
            "macro recall  %.4f (mean over the %d true labels present)%n%n",
            macroRecall(), presentLabels()));
    out.append(
        String.format("%-12s %9s %9s %9s %9s%n", "label", "precision", "recall", "F1", "support"));
    for (int i = 0; i < labels.size(); i++) {
      out.append(
          String.format(
              "%-12s %9.4f %9.4f %9.4f %9d%n",
              labels.get(i), precision(i), recall(i), f1(i), support(i)));
    }
    out.append(String.format("%nconfusion (rows: true label, columns: predicted)%n%-12s", ""));
    for (String label : labels) {
      out.append(String.format(" %10s", label));
    }
    out.append(System.lineSeparator());
    for (int i = 0; i < labels.size(); i++) {
      out.append(String.format("%-12s", labels.get(i)));
      for (long n : confusion[i]) {
        out.append(String.format(" %10d", n));
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }
}
