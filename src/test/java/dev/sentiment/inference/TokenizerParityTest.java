package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service tokenizes exactly as the model was trained: the ids the training recipe's Python
 * tokenizer wrote for tricky strings (contractions, accents, emoji, CJK, URLs, long words) are the
 * ids DJL's Hugging Face tokenizer produces from the shipped {@code tokenizer.json}.
 */
class TokenizerParityTest {

  @Test
  void matchesTheTrainingTokenizerOnEveryRecordedCase() throws Exception {
    JsonNode cases =
        JsonMapper.shared()
            .readTree(Path.of("training/tokenizer_cases.json").toFile())
            .get("cases");
    assertThat(cases.size()).isGreaterThanOrEqualTo(20);
    try (TextEncoder encoder =
        TextEncoder.load(Path.of("models/sentiment-en-sst2/tokenizer.json"), 100_000)) {
      for (JsonNode testCase : cases) {
        String text = testCase.get("text").asString();
        List<Long> expected = new ArrayList<>();
        testCase.get("ids").forEach(id -> expected.add(id.asLong()));
        assertThat(encoder.encode(text).ids())
            .as(text)
            .containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
      }
    }
  }

  @Test
  void truncatesToTheMaximumLengthKeepingTheSpecialTokens() throws Exception {
    try (TextEncoder encoder =
        TextEncoder.load(Path.of("models/sentiment-en-sst2/tokenizer.json"), 16)) {
      EncodedText encoded = encoder.encode("good ".repeat(100));
      assertThat(encoded.truncated()).isTrue();
      assertThat(encoded.ids()).hasSize(16).startsWith(101L).endsWith(102L);
      assertThat(encoder.encode("good").truncated()).isFalse();
    }
  }
}
