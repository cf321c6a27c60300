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
 *
 * <p>A text longer than {@link #CHARS_PER_TOKEN} characters per token of the model's maximum is cut
 * before tokenizing, after any leading spaces and invisible characters, at the last whitespace
 * before that limit where there is one: the model reads only its first tokens anyway, and
 * tokenizing a whole megabyte of non-ASCII text took seconds of a request thread, past any
 * deadline.
 */
final class TextEncoder implements AutoCloseable {

  /** Characters kept per token of the model's maximum length: far more than any real text needs. */
  static final int CHARS_PER_TOKEN = 64;

  private final HuggingFaceTokenizer tokenizer;
  private final Optional<AsciiWordPiece> fastPath;
  private final int maxChars;
  private final int specialTokens;

  private TextEncoder(HuggingFaceTokenizer tokenizer, Optional<AsciiWordPiece> fastPath) {
    this.tokenizer = tokenizer;
    this.fastPath = fastPath;
    this.maxChars =
        (int) Math.min(Integer.MAX_VALUE, (long) CHARS_PER_TOKEN * tokenizer.getMaxLength());
    // What the tokenizer adds around every text ([CLS] and [SEP] for BERT): all an empty text gets.
    this.specialTokens = tokenizer.encode("").getIds().length;
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
    if (text.length() <= maxChars) {
      return encodeWhole(text);
    }
    // Leading spaces and invisible characters give no tokens: the kept part starts after them, so
    // a text padded with thousands of them still has its words read.
    int start = 0;
    while (start < text.length() && invisible(text.charAt(start))) {
      start++;
    }
    if (text.length() - start <= maxChars) {
      return encodeWhole(text.substring(start));
    }
    EncodedText head = encodeWhole(text.substring(start, cutPoint(text, start, maxChars)));
    return head.truncated() ? head : new EncodedText(head.ids(), true);
  }

  /** Whitespace, and characters a BERT tokenizer drops: controls and formats (zero-width ones). */
  private static boolean invisible(char c) {
    int type = Character.getType(c);
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || type == Character.CONTROL
        || type == Character.FORMAT;
  }

  private EncodedText encodeWhole(String text) {
    if (fastPath.isPresent()) {
      EncodedText encoded = fastPath.get().encode(text);
      if (encoded != null) {
        return encoded;
      }
    }
    Encoding encoding = tokenizer.encode(text);
    return new EncodedText(encoding.getIds(), encoding.exceedMaxLength());
  }

  /**
   * Where to cut a text whose part from {@code start} is longer than {@code length}: after the last
   * whitespace in the second half of the {@code length} characters from {@code start}, so no word
   * is split; failing that, {@code length} characters on, moved back so that no surrogate pair is
   * split.
   */
  static int cutPoint(String text, int start, int length) {
    int limit = start + length;
    for (int i = limit; i > start + length / 2; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
  }

  /** The tokens the tokenizer adds to every text ([CLS] and [SEP] for BERT). */
  int specialTokens() {
    return specialTokens;
  }

  /** Whether the tokenizer found anything in the text besides the tokens it adds to every text. */
  boolean hasContent(EncodedText encoded) {
    return encoded.length() > specialTokens;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
