package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The windows' probabilities combine into the document's by the measured rule. */
class WindowAggregationTest {

  private static int argmax(float[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }

  private static float[] randomProbabilities(Random random, int labels, int favoured) {
    float[] p = new float[labels];
    float total = 0;
    for (int k = 0; k < labels; k++) {
      p[k] = 0.01f + random.nextFloat();
      total += p[k];
    }
    for (int k = 0; k < labels; k++) {
      p[k] /= total;
    }
    int top = argmax(p);
    float swap = p[top]; // make the favoured label the window's own answer
    p[top] = p[favoured];
    p[favoured] = swap + 1e-3f;
    return p;
  }

  @Test
  void theNormalisedGeometricMeanOfTheWindows() {
    // sqrt(0.9 * 0.4) = 0.6 and sqrt(0.1 * 0.6) = 0.2449: 0.7101 / 0.2899 once normalised (an
    // arithmetic mean would give 0.65 / 0.35).
    float[] document =
        WindowAggregation.combine(List.of(new float[] {0.9f, 0.1f}, new float[] {0.4f, 0.6f}));
    assertThat(document[0]).isCloseTo(0.7101f, within(1e-4f));
    assertThat(document[1]).isCloseTo(0.2899f, within(1e-4f));
  }

  @Test
  void oneVotePerWindowWhateverItsLength() {
    // The order of windows does not matter either: only the set of votes.
    float[] a = {0.2f, 0.3f, 0.5f};
    float[] b = {0.6f, 0.3f, 0.1f};
    float[] c = {0.1f, 0.8f, 0.1f};
    assertThat(WindowAggregation.combine(List.of(a, b, c)))
        .containsExactly(WindowAggregation.combine(List.of(c, a, b)), within(1e-6f));
  }

  @Test
  void oneWindowIsItsOwnAnswer() {
    float[] window = {0.05f, 0.15f, 0.8f};
    assertThat(WindowAggregation.combine(List.of(window))).containsExactly(window, within(1e-6f));
  }

  @Test
  void windowsThatAgreeGiveTheirLabelForAnyNumberOfLabels() {
    Random random = new Random(3);
    for (int round = 0; round < 2_000; round++) {
      int labels = 2 + random.nextInt(4);
      int label = random.nextInt(labels);
      List<float[]> windows = new ArrayList<>();
      for (int w = 1 + random.nextInt(12); w > 0; w--) {
        windows.add(randomProbabilities(random, labels, label));
      }
      float[] document = WindowAggregation.combine(windows);
      assertThat(argmax(document)).isEqualTo(label);
      double total = 0;
      for (float p : document) {
        total += p;
      }
      assertThat(total).isCloseTo(1.0, within(1e-5));
    }
  }

  @Test
  void aLongTextWhoseSentencesAllAgreeGetsTheirLabel() {
    // End to end without a model: planned windows, each classified by a toy lexicon model.
    String[] sentences = {
      "The acting is wonderful.", "A great and moving story!", "I loved the score.",
      "The plot takes its time.", "Still, a wonderful film.", "Great photography, great cast."
    };
    StringBuilder text = new StringBuilder();
    Random random = new Random(11);
    for (int i = 0; i < 200; i++) {
      text.append(sentences[random.nextInt(sentences.length)]).append(i % 7 == 6 ? "\n\n" : " ");
    }
    String review = text.toString();
    WindowPlanner.Plan plan =
        new WindowPlanner(WindowPlannerTest::pieces, 126, 8064, 64).plan(review);
    assertThat(plan.windows()).hasSizeGreaterThan(5);
    List<float[]> windows = new ArrayList<>();
    for (WindowPlanner.Window window : plan.windows()) {
      String slice = window.span().of(review).toLowerCase();
      int positive = slice.split("wonderful|great|loved", -1).length - 1;
      int negative = slice.split("slow", -1).length - 1;
      float p = (1f + positive) / (2f + positive + negative);
      windows.add(new float[] {1 - p, p});
    }
    float[] document = WindowAggregation.combine(windows);
    assertThat(argmax(document)).isEqualTo(1);
  }

  @Test
  void aWindowSureOfZeroDoesNotVetoALabel() {
    float[] document =
        WindowAggregation.combine(
            List.of(new float[] {0f, 1f}, new float[] {1f, 0f}, new float[] {0.9f, 0.1f}));
    assertThat(document[0]).isGreaterThan(0.5f).isLessThan(1f);
    assertThat(document[0] + document[1]).isCloseTo(1f, within(1e-6f));
  }

  @Test
  void refusesWhatIsNotAListOfProbabilityVectors() {
    assertThatThrownBy(() -> WindowAggregation.combine(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> WindowAggregation.combine(List.of(new float[] {0.5f, 0.5f}, new float[] {1f})))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WindowAggregation.combine(List.of(new float[] {Float.NaN, 1f})))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
