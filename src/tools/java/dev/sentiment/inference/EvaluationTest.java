package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics of a labelled run, on confusion matrices worked out by hand. */
class EvaluationTest {

  private static final List<String> THREE = List.of("NEGATIVE", "NEUTRAL", "POSITIVE");

  private static void add(Evaluation evaluation, String expected, String predicted, int times) {
    for (int i = 0; i < times; i++) {
      evaluation.add(expected, predicted);
    }
  }

  /**
   * Rows: true label; columns: predicted. NEGATIVE 3 1 0, NEUTRAL 1 2 1, POSITIVE 0 2 4.
   *
   * <p>Recall 3/4, 2/4, 4/6; precision 3/4, 2/5, 4/5.
   */
  private static Evaluation worked() {
    Evaluation evaluation = new Evaluation(THREE);
    add(evaluation, "NEGATIVE", "NEGATIVE", 3);
    add(evaluation, "NEGATIVE", "NEUTRAL", 1);
    add(evaluation, "NEUTRAL", "NEGATIVE", 1);
    add(evaluation, "NEUTRAL", "NEUTRAL", 2);
    add(evaluation, "NEUTRAL", "POSITIVE", 1);
    add(evaluation, "POSITIVE", "NEUTRAL", 2);
    add(evaluation, "POSITIVE", "POSITIVE", 4);
    return evaluation;
  }

  @Test
  void confusionMatrixCountsTrueLabelsInRowsAndPredictionsInColumns() {
    Evaluation evaluation = worked();

    assertThat(evaluation.count(0, 1)).isEqualTo(1);
    assertThat(evaluation.count(1, 0)).isEqualTo(1);
    assertThat(evaluation.count(2, 1)).isEqualTo(2);
    assertThat(evaluation.count(2, 0)).isZero();
    assertThat(evaluation.total()).isEqualTo(14);
    assertThat(evaluation.correct()).isEqualTo(9);
    assertThat(evaluation.accuracy()).isCloseTo(9.0 / 14, within(1e-12));
  }

  @Test
  void perClassPrecisionRecallAndF1() {
    Evaluation evaluation = worked();

    assertThat(evaluation.recall(0)).isCloseTo(3.0 / 4, within(1e-12));
    assertThat(evaluation.recall(1)).isCloseTo(2.0 / 4, within(1e-12));
    assertThat(evaluation.recall(2)).isCloseTo(4.0 / 6, within(1e-12));
    assertThat(evaluation.precision(0)).isCloseTo(3.0 / 4, within(1e-12));
    assertThat(evaluation.precision(1)).isCloseTo(2.0 / 5, within(1e-12));
    assertThat(evaluation.precision(2)).isCloseTo(4.0 / 5, within(1e-12));
    // F1 = 2PR / (P + R): 3/4, 4/9 and 8/11.
    assertThat(evaluation.f1(0)).isCloseTo(3.0 / 4, within(1e-12));
    assertThat(evaluation.f1(1)).isCloseTo(4.0 / 9, within(1e-12));
    assertThat(evaluation.f1(2)).isCloseTo(8.0 / 11, within(1e-12));
  }

  @Test
  void macroRecallIsTheMeanOfPerClassRecalls() {
    // (3/4 + 1/2 + 2/3) / 3 = 23/36, not the accuracy 9/14.
    assertThat(worked().macroRecall()).isCloseTo(23.0 / 36, within(1e-12));
  }

  @Test
  void macroRecallLeavesOutALabelNoRowHas() {
    Evaluation evaluation = new Evaluation(THREE);
    add(evaluation, "NEGATIVE", "NEGATIVE", 1);
    add(evaluation, "NEGATIVE", "NEUTRAL", 1);
    add(evaluation, "POSITIVE", "POSITIVE", 1);

    // NEUTRAL has no true rows: (1/2 + 1) / 2, not (1/2 + 0 + 1) / 3.
    assertThat(evaluation.macroRecall()).isCloseTo(0.75, within(1e-12));
    assertThat(evaluation.precision(1)).isZero();
    assertThat(evaluation.f1(1)).isZero();
  }

  @Test
  void anUnknownLabelIsRefusedByName() {
    assertThatThrownBy(() -> new Evaluation(THREE).add("NEGATIVE", "MIXED"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MIXED");
  }

  @Test
  void reportShowsEveryScoreAndTheMatrix() {
    String report = worked().report();

    assertThat(report)
        .contains("accuracy      0.6429 (9/14)")
        .contains("macro recall  0.6389 (mean over the 3 true labels present)")
        .containsPattern("NEUTRAL\\s+0\\.4000\\s+0\\.5000\\s+0\\.4444\\s+4")
        .containsPattern("POSITIVE\\s+0\\s+2\\s+4");
  }
}
