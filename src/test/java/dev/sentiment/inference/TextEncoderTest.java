package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long texts are cut before tokenizing without changing what the model reads, and texts with
 * nothing readable in them are told apart from real ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextEncoderTest {

  private static final Path TOKENIZER = Path.of("models/sentiment-en-sst2/tokenizer.json");
  private static final int MAX_LENGTH = 128;

  private TextEncoder encoder;
  private HuggingFaceTokenizer whole;

  @BeforeAll
  void load() throws Exception {
    encoder = TextEncoder.load(TOKENIZER, MAX_LENGTH);
    // The reference: the Hugging Face tokenizer over the whole text, however long.
    whole =
        HuggingFaceTokenizer.builder()
            .optTokenizerPath(TOKENIZER)
            .optAddSpecialTokens(true)
            .optTruncation(true)
            .optMaxLength(MAX_LENGTH)
            .optPadding(false)
            .build();
  }

  @AfterAll
  void close() {
    encoder.close();
    whole.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Un film émouvant, drôle et très bien joué. ",
        "A plain ASCII sentence that the Java fast path reads. ",
        "好看的电影",
        "naïve-café,crème;brûlée!",
        "😀 great 😀 ",
        "          spaced   out          é"
      })
  void aLongTextReadsTheSameTokensAsTheWholeText(String unit) {
    String text = unit.repeat(1 + 200_000 / unit.length());
    assertThat(text.length()).isGreaterThan(TextEncoder.CHARS_PER_TOKEN * MAX_LENGTH);

    EncodedText encoded = encoder.encode(text);
    Encoding reference = whole.encode(text);

    assertThat(encoded.ids()).containsExactly(reference.getIds());
    assertThat(encoded.truncated()).isTrue();
  }

  @Test
  void aTextJustUnderTheLimitIsNotCut() {
    String text = "é".repeat(TextEncoder.CHARS_PER_TOKEN * MAX_LENGTH);
    EncodedText encoded = encoder.encode(text);
    assertThat(encoded.ids()).containsExactly(whole.encode(text).getIds());
    // One over-long word: a single unknown token, nothing cut.
    assertThat(encoded.truncated()).isFalse();
  }

  @Test
  void aLongTextOfFewTokensIsMarkedTruncatedOnceCut() {
    String text = "good" + " ".repeat(TextEncoder.CHARS_PER_TOKEN * MAX_LENGTH) + "bad";
    EncodedText encoded = encoder.encode(text);
    assertThat(encoded.truncated()).isTrue();
    assertThat(encoded.ids()).containsExactly(whole.encode("good").getIds());
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\n", "\u00a0", "\u200b", "\ufeff", " \u2060\t"})
  void leadingPaddingBeyondTheLimitIsSkippedNotKept(String padding) {
    String words = "a terrible, boring film";
    String text = padding.repeat(1 + 2 * TextEncoder.CHARS_PER_TOKEN * MAX_LENGTH) + words;

    EncodedText encoded = encoder.encode(text);

    assertThat(encoded.ids()).containsExactly(whole.encode(words).getIds());
    assertThat(encoder.hasContent(encoded)).isTrue();
  }

  @Test
  void aLongTextOfNothingButPaddingHasNoContent() {
    String text = " \u200b".repeat(TextEncoder.CHARS_PER_TOKEN * MAX_LENGTH);
    assertThat(encoder.hasContent(encoder.encode(text))).isFalse();
  }

  @Test
  void cutsAfterTheLastWhitespaceBeforeTheLimit() {
    assertThat(TextEncoder.cutPoint("abc def ghij", 0, 10)).isEqualTo(7);
  }

  @Test
  void cutsWithinThePartAfterTheSkippedPadding() {
    assertThat(TextEncoder.cutPoint("      abcdefgh", 6, 4)).isEqualTo(10);
    assertThat(TextEncoder.cutPoint("      abc defgh", 6, 5)).isEqualTo(9);
  }

  @Test
  void cutsAtTheLimitWithoutWhitespaceButNeverInsideASurrogatePair() {
    assertThat(TextEncoder.cutPoint("abcdefghij", 0, 6)).isEqualTo(6);
    String emoji = "abcde😀fgh";
    assertThat(Character.isLowSurrogate(emoji.charAt(6))).isTrue();
    assertThat(TextEncoder.cutPoint(emoji, 0, 6)).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u00a0", "\u200b", "\ufeff", "\u0000", "\u0085", "\u202f \u2007"})
  void aTextOfInvisibleCharactersHasNoContent(String text) {
    assertThat(encoder.hasContent(encoder.encode(text))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "é", "好", "!", "\u00a0ok\u200b", "😀"})
  void aTextWithAnythingReadableHasContent(String text) {
    assertThat(encoder.hasContent(encoder.encode(text))).isTrue();
  }
}
