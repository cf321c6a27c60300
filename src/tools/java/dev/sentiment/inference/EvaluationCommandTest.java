package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentiment.inference.EvaluationCommand.LabelledFile;
import dev.sentiment.inference.EvaluationCommand.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the evaluation command reads labelled files and judges a model on them. */
class EvaluationCommandTest {

  private static final List<String> BINARY_MODEL = List.of("NEGATIVE", "POSITIVE");
  private static final List<String> THREE_CLASS_MODEL = List.of("NEGATIVE", "NEUTRAL", "POSITIVE");

  private static Prediction prediction(double negative, double neutral, double positive) {
    Map<String, Double> probabilities =
        Map.of("NEGATIVE", negative, "NEUTRAL", neutral, "POSITIVE", positive);
    String label =
        probabilities.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    return new Prediction(label, probabilities.get(label), probabilities, 5, false);
  }

  @Test
  void binaryLabelsAreNegativeAndPositiveAndTextsStayVerbatim() {
    LabelledFile file =
        EvaluationCommand.parse(List.of("sentence\tlabel", "a fine film \t1", "dull \t0"));

    assertThat(file.binary()).isTrue();
    assertThat(file.rows())
        .containsExactly(new Row(2, "a fine film ", "POSITIVE"), new Row(3, "dull ", "NEGATIVE"));
  }

  @Test
  void labelNamesAreReadFromTheSecondOfThreeColumns() {
    LabelledFile file =
        EvaluationCommand.parse(
            List.of(
                "sentence\tlabel\tfine",
                "one long string of cliches .\tNEGATIVE\t1",
                "it is a film\tNEUTRAL\t2"));

    assertThat(file.binary()).isFalse();
    assertThat(file.rows()).extracting(Row::label).containsExactly("NEGATIVE", "NEUTRAL");
    assertThat(file.rows().get(1).text()).isEqualTo("it is a film");
  }

  @Test
  void malformedLinesAreReportedWithTheirLineNumber() {
    assertThatThrownBy(() -> EvaluationCommand.parse(List.of("text,label", "a\t1")))
        .hasMessageStartingWith("line 1:");
    assertThatThrownBy(
            () -> EvaluationCommand.parse(List.of("sentence\tlabel", "good\t1", "no tab here")))
        .hasMessageStartingWith("line 3:")
        .hasMessageContaining("found 1");
    assertThatThrownBy(
            () ->
                EvaluationCommand.parse(
                    List.of("sentence\tlabel\tfine", "ok\tNEUTRAL\t2", "ok\tNEUTRAL")))
        .hasMessageStartingWith("line 3:");
    assertThatThrownBy(
            () -> EvaluationCommand.parse(List.of("sentence\tlabel", "good\t1", "bad\t2")))
        .hasMessageStartingWith("line 3:")
        .hasMessageContaining("\"2\"");
    assertThatThrownBy(
            () -> EvaluationCommand.parse(List.of("sentence\tlabel", "good\t1", "meh\tNEUTRAL")))
        .hasMessageStartingWith("line 3:")
        .hasMessageContaining("mixes");
    assertThatThrownBy(() -> EvaluationCommand.parse(List.of("sentence\tlabel", "  \tPOSITIVE")))
        .hasMessageStartingWith("line 2:");
  }

  @Test
  void aThreeClassModelOnABinaryFileIsJudgedByPositiveAgainstNegative() {
    LabelledFile file = EvaluationCommand.parse(List.of("sentence\tlabel", "a\t0"));
    List<String> notes = new ArrayList<>();

    List<String> candidates = EvaluationCommand.candidates(file, THREE_CLASS_MODEL, notes);

    assertThat(candidates).containsExactly("NEGATIVE", "POSITIVE");
    assertThat(notes)
        .singleElement()
        .asString()
        .contains("NEUTRAL", "P(POSITIVE) against P(NEGATIVE)");
    // The model's own answer is NEUTRAL both times; only the other two probabilities count.
    assertThat(EvaluationCommand.judge(prediction(0.30, 0.45, 0.25), candidates))
        .isEqualTo("NEGATIVE");
    assertThat(EvaluationCommand.judge(prediction(0.20, 0.45, 0.35), candidates))
        .isEqualTo("POSITIVE");
  }

  @Test
  void onAThreeClassFileEveryModelLabelIsAnAnswer() {
    LabelledFile file = EvaluationCommand.parse(List.of("sentence\tlabel", "a\tNEUTRAL"));
    List<String> notes = new ArrayList<>();

    List<String> candidates = EvaluationCommand.candidates(file, THREE_CLASS_MODEL, notes);

    assertThat(candidates).isEqualTo(THREE_CLASS_MODEL);
    assertThat(notes).isEmpty();
    assertThat(EvaluationCommand.judge(prediction(0.30, 0.45, 0.25), candidates))
        .isEqualTo("NEUTRAL");
  }

  @Test
  void aBinaryModelCannotJudgeNeutralSoThoseRowsAreLeftOut() {
    LabelledFile file =
        EvaluationCommand.parse(
            List.of("sentence\tlabel", "a\tNEGATIVE", "b\tNEUTRAL", "c\tPOSITIVE", "d\tNEUTRAL"));
    List<String> notes = new ArrayList<>();

    List<Row> rows = EvaluationCommand.judgeable(file.rows(), BINARY_MODEL, notes);

    assertThat(rows).extracting(Row::text).containsExactly("a", "c");
    assertThat(notes)
        .containsExactly(
            "the model has no label NEUTRAL, so it cannot judge NEUTRAL: 2 NEUTRAL rows left out",
            "evaluated: the other 2 of 4 rows");
  }

  @Test
  void modelLabelsMatchTheFileWhateverTheirCase() {
    LabelledFile binary = EvaluationCommand.parse(List.of("sentence\tlabel", "a\t1"));
    LabelledFile named = EvaluationCommand.parse(List.of("sentence\tlabel", "a\tNEUTRAL"));
    List<String> lowerCase = List.of("negative", "neutral", "positive");

    assertThat(EvaluationCommand.candidates(binary, lowerCase, new ArrayList<>()))
        .containsExactly("negative", "positive");
    assertThat(EvaluationCommand.judgeable(named.rows(), lowerCase, new ArrayList<>()))
        .containsExactly(new Row(2, "a", "neutral"));
  }

  @Test
  void aBinaryFileNeedsAModelWithNegativeAndPositive() {
    LabelledFile file = EvaluationCommand.parse(List.of("sentence\tlabel", "a\t1"));

    assertThat(EvaluationCommand.candidates(file, List.of("SPAM", "HAM"), new ArrayList<>()))
        .isEmpty();
  }
}
