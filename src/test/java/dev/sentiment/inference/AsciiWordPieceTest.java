package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Java fast path of the tokenizer: which tokenizers and texts it takes, and that on those it
 * answers what the Hugging Face tokenizer answers (the fuzz test widens the same check to any
 * text).
 */
class AsciiWordPieceTest {

  private static final Path BUILT_IN = Path.of("models/sentiment-en-sst2/tokenizer.json");

  private static JsonNode read(Path path) {
    return JsonMapper.shared().readTree(path.toFile());
  }

  @Test
  void takesAsciiTextsAndLeavesTheRestToHuggingFace() {
    AsciiWordPiece fast = AsciiWordPiece.of(read(BUILT_IN), 128).orElseThrow();
    assertThat(fast.encode("I loved this movie!").ids())
        .containsExactly(101, 1045, 3866, 2023, 3185, 999, 102);
    assertThat(fast.encode("")).isNotNull();
    assertThat(fast.encode("Café crème")).isNull();
    assertThat(fast.encode("hello[MASK]world")).isNull();
    assertThat(fast.encode("[cls] is not special, but is left alone")).isNull();
  }

  @Test
  void appliesOnlyToBertWordPiecePipelines() {
    assertThat(
            AsciiWordPiece.of(
                read(Path.of("src/test/resources/models/tiny-three-class/tokenizer.json")), 64))
        .isPresent();
    ObjectNode bpe = (ObjectNode) read(BUILT_IN).deepCopy();
    ((ObjectNode) bpe.get("model")).put("type", "BPE");
    assertThat(AsciiWordPiece.of(bpe, 128)).isEmpty();
    ObjectNode metaspace = (ObjectNode) read(BUILT_IN).deepCopy();
    ((ObjectNode) metaspace.get("pre_tokenizer")).put("type", "Metaspace");
    assertThat(AsciiWordPiece.of(metaspace, 128)).isEmpty();
    ObjectNode pair = (ObjectNode) read(BUILT_IN).deepCopy();
    ((ObjectNode) pair.get("post_processor")).set("single", pair.get("post_processor").get("pair"));
    assertThat(AsciiWordPiece.of(pair, 128)).isEmpty();
  }

  @Test
  void agreesWithHuggingFaceOnTheRecordedCasesAndAtTheTruncationBoundary() throws Exception {
    List<String> texts = new ArrayList<>();
    read(Path.of("training/tokenizer_cases.json"))
        .get("cases")
        .forEach(c -> texts.add(c.get("text").asString()));
    texts.add("good ".repeat(14).strip());
    texts.add("good ".repeat(15).strip());
    texts.add("a\u000bb\u000cc\u001fd\u007fe f\tg\r\nh");
    texts.add("x".repeat(100) + " " + "x".repeat(101));
    texts.add("qzxqzxqzx unaffable, re-released (2001); $5 #1 @me ~ok~ {a|b} `x`");
    try (TextEncoder fast = TextEncoder.load(BUILT_IN, 16, true);
        TextEncoder reference = TextEncoder.load(BUILT_IN, 16, false)) {
      assertThat(fast.hasFastPath()).isTrue();
      assertThat(reference.hasFastPath()).isFalse();
      for (String text : texts) {
        EncodedText expected = reference.encode(text);
        assertThat(fast.encode(text).ids()).as(text).containsExactly(expected.ids());
        assertThat(fast.encode(text).truncated()).as(text).isEqualTo(expected.truncated());
      }
      assertThat(fast.encode("good ".repeat(14)).truncated()).isFalse();
      assertThat(fast.encode("good ".repeat(15)).truncated()).isTrue();
    }
  }

  @Test
  void truncatesWhereHuggingFaceDoesWhenTheMaximumExceedsTheModels() throws Exception {
    String text = "good ".repeat(600);
    try (TextEncoder fast = TextEncoder.load(BUILT_IN, 100_000, true);
        TextEncoder reference = TextEncoder.load(BUILT_IN, 100_000, false)) {
      assertThat(reference.encode(text).ids()).hasSizeLessThan(600);
      assertThat(fast.encode(text).ids()).containsExactly(reference.encode(text).ids());
      assertThat(fast.encode(text).truncated()).isTrue();
    }
  }
}
