package dev.sentiment.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns text into token ids with the model's own {@code tokenizer.json}, truncating to the model's
 * maximum length. The underlying Rust tokenizer is thread-safe, so one instance serves all threads.
 */
final class TextEncoder implements AutoCloseable {

  private final HuggingFaceTokenizer tokenizer;

  private TextEncoder(HuggingFaceTokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  static TextEncoder load(Path tokenizerJson, int maxLength) throws IOException {
    return new TextEncoder(
        HuggingFaceTokenizer.builder()
            .optTokenizerPath(tokenizerJson)
            .optAddSpecialTokens(true)
            .optTruncation(true)
            .optMaxLength(maxLength)
            .optPadding(false)
            .build());
  }

  EncodedText encode(String text) {
    Encoding encoding = tokenizer.encode(text);
    return new EncodedText(encoding.getIds(), encoding.exceedMaxLength());
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
