package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {

  private static final Path BUILT_IN = Path.of("models/sentiment-en/tokenizer.json");
  private static final String SENTENCE = "The plot moves slowly but the actors carry every scene. ";

  private static TextEncoder encoder;

  @BeforeAll
  static void load() throws IOException {
    encoder = TextEncoder.load(BUILT_IN, 128);
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void aTextThatFitsTheModelIsOneWindowWhateverTheWindowOfLongTexts() {
    String comment = SENTENCE.repeat(5); // about 60 words: fits 128 tokens, not 32
    DocumentReader reader = new DocumentReader(encoder, 32, 64);

    DocumentReader.Document plain = reader.read(comment, false);
    DocumentReader.Document detailed = reader.read(comment, true);

    assertThat(plain.windows()).hasSize(1);
    assertThat(plain.windows().get(0).length()).isGreaterThan(32).isLessThanOrEqualTo(128);
    assertThat(detailed.windows()).hasSize(1);
    assertThat(detailed.windows().get(0).ids()).isEqualTo(plain.windows().get(0).ids());
    assertThat(detailed.sentences()).hasSize(5).allMatch(s -> s.own() != null);
  }

  @Test
  void aOneSentenceTextThatFitsIsItsOwnSentence() {
    DocumentReader.Document read = new DocumentReader(encoder, 32, 64).read(SENTENCE, true);

    assertThat(read.windows()).hasSize(1);
    assertThat(read.sentences())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.windows()).containsExactly(0);
              assertThat(s.own()).isNull();
            });
  }

  @Test
  void aLongerTextIsCutIntoWindowsOfTheLongTextWindow() {
    String review = SENTENCE.repeat(30); // about 360 words: over 128 tokens
    DocumentReader.Document read = new DocumentReader(encoder, 32, 64).read(review, false);

    assertThat(read.windows()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(read.windows()).allMatch(w -> w.length() <= 32);
    assertThat(read.truncated()).isFalse();
  }
}
