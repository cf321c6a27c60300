package dev.sentiment.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns text into token ids with the model's own {@code tokenizer.json}, truncating to the model's
 * maximum length. A BERT WordPiece tokenizer takes the {@link AsciiWordPiece} fast path for ASCII
 * texts; everything else goes through the Hugging Face tokenizer, whose Rust implementation is
 * thread-safe, so one instance serves all threads.
 */
final class TextEncoder implements AutoCloseable {

  private final HuggingFaceTokenizer tokenizer;
  private final Optional<AsciiWordPiece> fastPath;

  private TextEncoder(HuggingFaceTokenizer tokenizer, Optional<AsciiWordPiece> fastPath) {
    this.tokenizer = tokenizer;
    this.fastPath = fastPath;
  }

  static TextEncoder load(Path tokenizerJson, int maxLength) throws IOException {
    return load(tokenizerJson, maxLength, true);
  }

  /** With {@code fastPath} false every text goes through the Hugging Face tokenizer. */
  static TextEncoder load(Path tokenizerJson, int maxLength, boolean fastPath) throws IOException {
    HuggingFaceTokenizer tokenizer =
        HuggingFaceTokenizer.builder()
            .optTokenizerPath(tokenizerJson)
            .optAddSpecialTokens(true)
            .optTruncation(true)
            .optMaxLength(maxLength)
            .optPadding(false)
            .build();
    if (!fastPath) {
      return new TextEncoder(tokenizer, Optional.empty());
    }
    try {
      return new TextEncoder(
          tokenizer,
          // The length the tokenizer settled on: it lowers a maximum above the model's own.
          AsciiWordPiece.of(
              JsonMapper.shared().readTree(tokenizerJson.toFile()), tokenizer.getMaxLength()));
    } catch (JacksonException e) {
      tokenizer.close();
      throw new IOException("tokenizer.json could not be read", e);
    }
  }

  /** Whether ASCII texts skip the Hugging Face tokenizer. */
  boolean hasFastPath() {
    return fastPath.isPresent();
  }

  EncodedText encode(String text) {
    if (fastPath.isPresent()) {
      EncodedText encoded = fastPath.get().encode(text);
      if (encoded != null) {
        return encoded;
      }
    }
    Encoding encoding = tokenizer.encode(text);
    return new EncodedText(encoding.getIds(), encoding.exceedMaxLength());
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
