package dev.sentiment.inference;

import java.util.List;

/** Accuracy, per-class precision and recall, and the confusion matrix of a labelled run. */
final class Evaluation {

  private final List<String> labels;
  private final long[][] confusion;

  Evaluation(List<String> labels) {
    this.labels = labels;
    this.confusion = new long[labels.size()][labels.size()];
  }

  void add(String expected, String predicted) {
    confusion[labels.indexOf(expected)][labels.indexOf(predicted)]++;
  }

  long total() {
    long total = 0;
    for (long[] row : confusion) {
      for (long n : row) {
        total += n;
      }
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
    long actual = 0;
    for (long n : confusion[label]) {
      actual += n;
    }
    return actual == 0 ? 0 : (double) confusion[label][label] / actual;
  }

  String report() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("accuracy  %.4f (%d/%d)%n%n", accuracy(), correct(), total()));
    out.append(String.format("%-12s %9s %9s %9s%n", "label", "precision", "recall", "support"));
    for (int i = 0; i < labels.size(); i++) {
      long support = 0;
      for (long n : confusion[i]) {
        support += n;
      }
      out.append(
          String.format(
              "%-12s %9.4f %9.4f %9d%n", labels.get(i), precision(i), recall(i), support));
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
