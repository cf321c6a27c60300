package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentiment.inference.WindowPlanner.Plan;
import dev.sentiment.inference.WindowPlanner.Window;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * Windows always fit the model, hold whole sentences where they can, and slice the text as sent.
 */
class WindowPlannerTest {

  /**
   * A WordPiece-like count: whitespace separates; every punctuation mark, symbol (emoji) and CJK
   * character is a token, a run of letters or digits one token per four; combining marks and format
   * characters (ZWJ, zero-width space) are none. Additive over whitespace, like BERT's.
   */
  static int pieces(String s) {
    int tokens = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
      int cp = s.codePointAt(i);
      int type = Character.getType(cp);
      boolean letter = Character.isLetterOrDigit(cp) && !cjk(cp);
      if (letter) {
        run++;
        continue;
      }
      tokens += (run + 3) / 4;
      run = 0;
      if (!Character.isWhitespace(cp)
          && !Character.isSpaceChar(cp)
          && type != Character.NON_SPACING_MARK
          && type != Character.ENCLOSING_MARK
          && type != Character.FORMAT) {
        tokens++;
      }
    }
    return tokens + (run + 3) / 4;
  }

  private static boolean cjk(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }

  /**
   * Not additive: every gap of whitespace inside the text costs a token too, as the word-start
   * marks of a SentencePiece model do, so two sentences joined count more than their sum.
   */
  static int piecesAndGaps(String s) {
    int gaps = 0;
    for (int i = 1; i < s.length(); i++) {
      if (SentenceSplitter.isBlank(s.charAt(i)) && !SentenceSplitter.isBlank(s.charAt(i - 1))) {
        gaps++;
      }
    }
    return pieces(s) + gaps;
  }

  private static int words(String s) {
    return s.isBlank() ? 0 : s.trim().split("\\s+").length;
  }

  private static List<String> texts(String text, Plan plan) {
    return plan.windows().stream().map(w -> w.span().of(text)).toList();
  }

  @Test
  void aTextThatFitsIsOneWindowCoveringTheTrimmedText() {
    String text = " \n Good film. Great cast, weak ending!\u00a0Still: 😀 ";
    Plan plan = new WindowPlanner(WindowPlannerTest::pieces, 126, 8064, 8).plan(text);
    assertThat(plan.truncated()).isFalse();
    assertThat(plan.windows()).hasSize(1);
    Window window = plan.windows().get(0);
    assertThat(window.span().of(text)).isEqualTo(text.strip());
    assertThat(window.firstSentence()).isZero();
    assertThat(window.endSentence()).isEqualTo(3);
    assertThat(window.partial()).isFalse();
    assertThat(window.tokens()).isEqualTo(pieces(text));
  }

  @Test
  void packsConsecutiveSentencesGreedily() {
    String text = "One two three. Four five six. Seven eight nine. Ten.";
    Plan plan = new WindowPlanner(WindowPlannerTest::words, 7, 1000, 8).plan(text);
    assertThat(texts(text, plan))
        .containsExactly("One two three. Four five six.", "Seven eight nine. Ten.");
    assertThat(plan.windows())
        .extracting(Window::firstSentence, Window::endSentence, Window::tokens)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 2, 6),
            org.assertj.core.groups.Tuple.tuple(2, 4, 4));
  }

  @Test
  void joinedSentencesAreCountedAgainWhenCountsDoNotAdd() {
    // Each sentence is 4 tokens alone; joined, the gap between them makes 4 + 4 + 1 = 9 > 8.
    String text = "Good film. Bad end.";
    assertThat(piecesAndGaps("Good film.") + piecesAndGaps("Bad end.")).isEqualTo(8);
    Plan plan = new WindowPlanner(WindowPlannerTest::piecesAndGaps, 8, 1000, 8).plan(text);
    assertThat(texts(text, plan)).containsExactly("Good film.", "Bad end.");
  }

  @Test
  void aLongSentenceIsCutAtWhitespace() {
    String text = "Intro. A b c d e f g h i j k l m n o p q r s t u v w x y z. Outro.";
    Plan plan = new WindowPlanner(WindowPlannerTest::words, 5, 1000, 20).plan(text);
    assertThat(texts(text, plan))
        .containsExactly(
            "Intro.",
            "A b c d e",
            "f g h i j",
            "k l m n o",
            "p q r s t",
            "u v w x y",
            "z.",
            "Outro.");
    assertThat(plan.windows().subList(1, 7)).allMatch(w -> w.partial() && w.firstSentence() == 1);
    assertThat(plan.windows().get(7).partial()).isFalse();
  }

  @Test
  void aLongWordIsCutByCodePointsNeverInsideASurrogatePair() {
    String text = "😀".repeat(50);
    ToIntFunction<String> codePoints = s -> (int) s.codePoints().count();
    Plan plan = new WindowPlanner(codePoints, 7, 1000, 20).plan(text);
    assertThat(texts(text, plan))
        .hasSize(8)
        .allMatch(t -> t.equals("😀".repeat(7)) || t.equals("😀"));
    assertThat(String.join("", texts(text, plan))).isEqualTo(text);
    // An odd character limit falls inside a pair: the pair moves whole to the next piece.
    Plan byChars = new WindowPlanner(codePoints, 100, 5, 20).plan(text);
    assertThat(texts(text, byChars)).allMatch(t -> t.equals("😀😀"));
  }

  @Test
  void theCapDropsTheRestAndSaysSo() {
    String text = "One two three. ".repeat(10);
    Plan capped = new WindowPlanner(WindowPlannerTest::words, 3, 1000, 4).plan(text);
    assertThat(capped.windows()).hasSize(4);
    assertThat(capped.truncated()).isTrue();
    assertThat(capped.windows().get(3).endSentence()).isEqualTo(4);
    Plan exact = new WindowPlanner(WindowPlannerTest::words, 3, 1000, 10).plan(text);
    assertThat(exact.windows()).hasSize(10);
    assertThat(exact.truncated()).isFalse();
    // The cap holds inside the pieces of one long sentence too.
    Plan pieces = new WindowPlanner(WindowPlannerTest::words, 3, 1000, 2).plan("a ".repeat(100));
    assertThat(pieces.windows()).hasSize(2);
    assertThat(pieces.truncated()).isTrue();
  }

  @Test
  void aSaturatingCounterIsEnough() {
    // What a truncating encoder can tell: anything over the budget is "too long".
    ToIntFunction<String> saturating = s -> words(s) > 3 ? Integer.MAX_VALUE : words(s);
    String text = "One two three. Four five six seven eight. Nine.";
    Plan plan = new WindowPlanner(saturating, 3, 1000, 10).plan(text);
    assertThat(texts(text, plan))
        .containsExactly("One two three.", "Four five six", "seven eight.", "Nine.");
  }

  @Test
  void windowsOfRandomTextsNeverExceedTheBudgetAndSliceTheText() {
    Random random = new Random(2026);
    for (int round = 0; round < 600; round++) {
      String text = RandomTexts.text(random, 1 + random.nextInt(600));
      ToIntFunction<String> counter =
          round % 2 == 0 ? WindowPlannerTest::pieces : WindowPlannerTest::piecesAndGaps;
      int budget = new int[] {4, 12, 30, 126}[random.nextInt(4)];
      int maxChars =
          random.nextBoolean() ? budget * TextEncoder.CHARS_PER_TOKEN : 3 + random.nextInt(60);
      checkPlan(
          text, new WindowPlanner(counter, budget, maxChars, 100_000), counter, budget, maxChars);
    }
  }

  @Test
  void windowsFitTheShippedTokenizer() throws Exception {
    try (TextEncoder encoder =
        TextEncoder.load(Path.of("models/sentiment-en-sst2/tokenizer.json"), 128)) {
      // Content tokens, saturating where the encoder truncates: what the engine will pass.
      ToIntFunction<String> counter =
          s -> {
            EncodedText encoded = encoder.encode(s);
            return encoded.truncated() ? Integer.MAX_VALUE : encoded.length() - 2;
          };
      Random random = new Random(176);
      for (int round = 0; round < 40; round++) {
        String text = RandomTexts.text(random, 100 + random.nextInt(500));
        WindowPlanner planner = new WindowPlanner(counter, 126, 126 * 64, 1_000);
        checkPlan(text, planner, counter, 126, 126 * 64);
        for (Window window : planner.plan(text).windows()) {
          assertThat(encoder.encode(window.span().of(text)).truncated()).isFalse();
        }
      }
    }
  }

  private static void checkPlan(
      String text, WindowPlanner planner, ToIntFunction<String> counter, int budget, int maxChars) {
    List<TextSpan> sentences = SentenceSplitter.split(text);
    Plan plan = planner.plan(text, sentences);
    assertThat(plan.truncated()).isFalse();
    int previousEnd = 0;
    for (Window window : plan.windows()) {
      String slice = window.span().of(text);
      assertThat(counter.applyAsInt(slice)).as("fits: %s", slice).isLessThanOrEqualTo(budget);
      assertThat(window.tokens()).isEqualTo(counter.applyAsInt(slice));
      assertThat(slice.length()).isLessThanOrEqualTo(maxChars);
      assertThat(window.span().start()).isGreaterThanOrEqualTo(previousEnd);
      for (int i = previousEnd; i < window.span().start(); i++) {
        assertThat(SentenceSplitter.isBlank(text.charAt(i))).as("only blanks left out").isTrue();
      }
      assertThat(SentenceSplitter.isBlank(slice.charAt(0))).isFalse();
      assertThat(SentenceSplitter.isBlank(slice.charAt(slice.length() - 1))).isFalse();
      assertThat(Character.isLowSurrogate(slice.charAt(0))).isFalse();
      assertThat(Character.isHighSurrogate(slice.charAt(slice.length() - 1))).isFalse();
      TextSpan first = sentences.get(window.firstSentence());
      TextSpan last = sentences.get(window.endSentence() - 1);
      if (window.partial()) {
        assertThat(window.endSentence()).isEqualTo(window.firstSentence() + 1);
        assertThat(window.span().start()).isGreaterThanOrEqualTo(first.start());
        assertThat(window.span().end()).isLessThanOrEqualTo(first.end());
      } else {
        assertThat(window.span()).isEqualTo(new TextSpan(first.start(), last.end()));
      }
      previousEnd = window.span().end();
    }
    for (int i = previousEnd; i < text.length(); i++) {
      assertThat(SentenceSplitter.isBlank(text.charAt(i))).as("only blanks left out").isTrue();
    }
  }
}
