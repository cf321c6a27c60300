package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sentences are trimmed spans into the text as sent, and together they hold all of its words. */
class SentenceSplitterTest {

  private static List<String> sentences(String text) {
    return SentenceSplitter.split(text).stream().map(span -> span.of(text)).toList();
  }

  @Test
  void splitsAtSentenceEndsAndTrimsTheWhitespaceAround() {
    assertThat(sentences("  Good film.  Bad ending! Why? \t"))
        .containsExactly("Good film.", "Bad ending!", "Why?");
  }

  @Test
  void everyLineBreakEndsASentence() {
    // The JDK's iterator alone would run the title and the list items into one sentence.
    assertThat(sentences("Pros\n- battery\r\n- screen\n\nCons: none\u2029Verdict: buy"))
        .containsExactly("Pros", "- battery", "- screen", "Cons: none", "Verdict: buy");
  }

  @Test
  void offsetsAreUtf16OffsetsIntoTheTextAsSent() {
    String text = "Un film émouvant. Génial 😀 ! 日本語です。次の文。\u00a0Cafe\u0301 ok.";
    List<TextSpan> spans = SentenceSplitter.split(text);
    assertThat(spans.stream().map(span -> span.of(text)))
        .containsExactly("Un film émouvant.", "Génial 😀 !", "日本語です。", "次の文。", "Cafe\u0301 ok.");
    assertThat(spans.get(1)).isEqualTo(new TextSpan(18, 29)); // the emoji is two UTF-16 units
  }

  @Test
  void aBlankTextHasNoSentences() {
    assertThat(SentenceSplitter.split(" \n\u00a0\u3000\t ")).isEmpty();
    assertThat(SentenceSplitter.split("")).isEmpty();
  }

  @Test
  void randomTextsArePartitionedIntoTrimmedSentencesAndWhitespace() {
    Random random = new Random(24);
    for (int round = 0; round < 2_000; round++) {
      String text = RandomTexts.text(random, 1 + random.nextInt(400));
      List<TextSpan> spans = SentenceSplitter.split(text);
      int previousEnd = 0;
      for (TextSpan span : spans) {
        assertThat(span.start())
            .as("in order, disjoint: %s", text)
            .isGreaterThanOrEqualTo(previousEnd);
        for (int i = previousEnd; i < span.start(); i++) {
          assertThat(SentenceSplitter.isBlank(text.charAt(i)))
              .as("between spans: %s", text)
              .isTrue();
        }
        assertThat(SentenceSplitter.isBlank(text.charAt(span.start()))).isFalse();
        assertThat(SentenceSplitter.isBlank(text.charAt(span.end() - 1))).isFalse();
        assertThat(Character.isLowSurrogate(text.charAt(span.start())))
            .as("no span starts inside a surrogate pair: %s", text)
            .isFalse();
        previousEnd = span.end();
      }
      for (int i = previousEnd; i < text.length(); i++) {
        assertThat(SentenceSplitter.isBlank(text.charAt(i)))
            .as("after the last: %s", text)
            .isTrue();
      }
    }
  }
}
