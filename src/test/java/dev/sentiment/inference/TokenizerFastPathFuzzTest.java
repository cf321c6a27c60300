package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import tools.jackson.databind.json.JsonMapper;

/**
 * Differential fuzzing of the tokenizer's fast path: for any text and maximum length, the service's
 * encoder (Java WordPiece for ASCII) answers exactly what the Hugging Face tokenizer answers, ids
 * and truncation alike, and ASCII texts without added tokens do take the fast path. Runs its seed
 * corpus in the normal build; {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=TokenizerFastPathFuzzTest}
 * fuzzes for real.
 */
@Tag("fuzz")
class TokenizerFastPathFuzzTest {

  private static final Path TOKENIZER = Path.of("models/sentiment-en-sst2/tokenizer.json");
  private static final int[] MAX_LENGTHS = {2, 3, 5, 16, 128, 100_000};
  private static final Map<String, TextEncoder> ENCODERS = new ConcurrentHashMap<>();
  private static final Map<Integer, AsciiWordPiece> FAST_PATHS = new ConcurrentHashMap<>();

  @FuzzTest(maxDuration = "30s")
  void fastPathAgreesWithHuggingFace(FuzzedDataProvider data) {
    int maxLength = data.pickValue(MAX_LENGTHS);
    String text =
        data.consumeBoolean()
            ? data.consumeRemainingAsAsciiString()
            : data.consumeRemainingAsString();
    EncodedText fast = encoder(maxLength, true).encode(text);
    EncodedText reference = encoder(maxLength, false).encode(text);
    assertThat(fast.ids()).as(text).containsExactly(reference.ids());
    assertThat(fast.truncated()).as(text).isEqualTo(reference.truncated());
    if (text.chars().allMatch(c -> c < 0x80) && text.indexOf('[') < 0) {
      assertThat(fastPath(maxLength).encode(text)).as(text).isNotNull();
    }
  }

  private static TextEncoder encoder(int maxLength, boolean fastPath) {
    return ENCODERS.computeIfAbsent(
        maxLength + "/" + fastPath,
        key -> {
          try {
            return TextEncoder.load(TOKENIZER, maxLength, fastPath);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static AsciiWordPiece fastPath(int maxLength) {
    return FAST_PATHS.computeIfAbsent(
        maxLength,
        key ->
            AsciiWordPiece.of(JsonMapper.shared().readTree(TOKENIZER.toFile()), key).orElseThrow());
  }
}
