package dev.sentiment.inference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * BERT's WordPiece tokenization, in Java, for texts of printable ASCII: what the Hugging Face
 * tokenizer computes from a {@code tokenizer.json} with a {@code BertNormalizer}, the {@code
 * BertPreTokenizer}, a {@code WordPiece} model and a {@code [CLS] text [SEP]} template, at a
 * fraction of its cost (the native call and the arrays it builds for every text cost as much CPU as
 * the rest of a request). For ASCII the normalizer reduces to dropping control characters and
 * lower-casing (no accents, no CJK), so the rules are short and exact. Any other text, and any text
 * that contains one of the tokenizer's added tokens, is left to the Hugging Face tokenizer: {@link
 * #encode} returns {@code null}. {@code TokenizerFastPathFuzzTest} holds the two to the same
 * answers.
 */
final class AsciiWordPiece {

  private final Map<String, Integer> vocab;
  private final String subwordPrefix;
  private final int maxCharsPerWord;
  private final int longestPiece;
  private final int unknownId;
  private final boolean lowercase;
  private final long firstId;
  private final long lastId;
  private final List<String> addedTokens;
  private final int maxLength;

  private AsciiWordPiece(
      Map<String, Integer> vocab,
      String subwordPrefix,
      int maxCharsPerWord,
      int unknownId,
      boolean lowercase,
      long firstId,
      long lastId,
      List<String> addedTokens,
      int maxLength) {
    this.vocab = vocab;
    this.subwordPrefix = subwordPrefix;
    this.maxCharsPerWord = maxCharsPerWord;
    this.longestPiece = vocab.keySet().stream().mapToInt(String::length).max().orElse(0);
    this.unknownId = unknownId;
    this.lowercase = lowercase;
    this.firstId = firstId;
    this.lastId = lastId;
    this.addedTokens = addedTokens;
    this.maxLength = maxLength;
  }

  /**
   * The fast path for this {@code tokenizer.json}, or empty when its pipeline is not exactly BERT's
   * (the Hugging Face tokenizer then handles every text).
   */
  static Optional<AsciiWordPiece> of(JsonNode tokenizer, int maxLength) {
    JsonNode normalizer = tokenizer.path("normalizer");
    JsonNode model = tokenizer.path("model");
    if (!"BertNormalizer".equals(normalizer.path("type").asString(""))
        || !normalizer.path("clean_text").asBoolean(false)
        || !"BertPreTokenizer".equals(tokenizer.path("pre_tokenizer").path("type").asString(""))
        || !"WordPiece".equals(model.path("type").asString(""))
        || maxLength < 2) {
      return Optional.empty();
    }
    Map<String, Integer> vocab = new HashMap<>();
    model.path("vocab").properties().forEach(e -> vocab.put(e.getKey(), e.getValue().asInt()));
    Integer unknown = vocab.get(model.path("unk_token").asString(""));
    long[] template = singleTemplate(tokenizer.path("post_processor"));
    if (unknown == null || template == null) {
      return Optional.empty();
    }
    List<String> added = new ArrayList<>();
    for (JsonNode token : tokenizer.path("added_tokens")) {
      added.add(token.path("content").asString("").toLowerCase(Locale.ROOT));
    }
    return Optional.of(
        new AsciiWordPiece(
            vocab,
            model.path("continuing_subword_prefix").asString("##"),
            model.path("max_input_chars_per_word").asInt(100),
            unknown,
            normalizer.path("lowercase").asBoolean(true),
            template[0],
            template[1],
            added,
            maxLength));
  }

  /** The ids around a single text: {@code [CLS] $A [SEP]} as a template or as BERT's processor. */
  private static long[] singleTemplate(JsonNode processor) {
    String type = processor.path("type").asString("");
    if ("BertProcessing".equals(type)) {
      return new long[] {
        processor.path("cls").path(1).asLong(), processor.path("sep").path(1).asLong()
      };
    }
    JsonNode single = processor.path("single");
    if (!"TemplateProcessing".equals(type)
        || single.size() != 3
        || !"A".equals(single.path(1).path("Sequence").path("id").asString(""))) {
      return null;
    }
    JsonNode first = specialTokenIds(processor, single.path(0));
    JsonNode last = specialTokenIds(processor, single.path(2));
    if (first.size() != 1 || last.size() != 1) {
      return null;
    }
    return new long[] {first.path(0).asLong(), last.path(0).asLong()};
  }

  private static JsonNode specialTokenIds(JsonNode processor, JsonNode piece) {
    String id = piece.path("SpecialToken").path("id").asString("");
    return processor.path("special_tokens").path(id).path("ids");
  }

  /** The text's ids, or {@code null} when it is not for this fast path. */
  EncodedText encode(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return null;
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String token : addedTokens) {
      if (!token.isEmpty() && lower.contains(token)) {
        return null;
      }
    }
    String normalized = lowercase ? lower : text;
    Pieces pieces = new Pieces(maxLength - 2);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < normalized.length(); i++) {
      char c = normalized.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        addWord(word, pieces);
      } else if (c < 0x20 || c == 0x7f) {
        // Control characters are dropped without splitting the word (BertNormalizer.clean_text).
        continue;
      } else if (isPunctuation(c)) {
        addWord(word, pieces);
        word.append(c);
        addWord(word, pieces);
      } else {
        word.append(c);
      }
      if (pieces.full()) {
        break;
      }
    }
    addWord(word, pieces);
    return pieces.toEncodedText(firstId, lastId);
  }

  /** Rust's {@code char::is_ascii_punctuation}: every printable non-alphanumeric except space. */
  private static boolean isPunctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || c >= '{';
  }

  /** Adds the word's pieces, or the unknown id for all of it, and empties the word. */
  private void addWord(StringBuilder word, Pieces pieces) {
    int length = word.length();
    if (length > 0) {
      int[] found = new int[length];
      int count = length > maxCharsPerWord ? -1 : split(word, found);
      if (count < 0) {
        pieces.add(unknownId);
      }
      for (int i = 0; i < count; i++) {
        pieces.add(found[i]);
      }
    }
    word.setLength(0);
  }

  /**
   * Greedy longest-match-first: the word's piece ids into {@code found}, and their count, or -1
   * when a piece is missing from the vocabulary (the whole word is then unknown).
   */
  private int split(CharSequence word, int[] found) {
    int length = word.length();
    int count = 0;
    int start = 0;
    while (start < length) {
      Integer id = null;
      // No piece is longer than the vocabulary's longest entry: skip the lookups that must fail.
      int end = Math.min(length, start + longestPiece);
      while (end > start) {
        String piece = word.subSequence(start, end).toString();
        id = vocab.get(start == 0 ? piece : subwordPrefix + piece);
        if (id != null) {
          break;
        }
        end--;
      }
      if (id == null) {
        return -1;
      }
      found[count++] = id;
      start = end;
    }
    return count;
  }

  /** Word-piece ids up to a limit, remembering whether any fell beyond it. */
  private static final class Pieces {
    private final long[] ids;
    private int size;
    private boolean overflowed;

    Pieces(int limit) {
      ids = new long[limit];
    }

    void add(long id) {
      if (size < ids.length) {
        ids[size++] = id;
      } else {
        overflowed = true;
      }
    }

    boolean full() {
      return overflowed;
    }

    EncodedText toEncodedText(long first, long last) {
      long[] result = new long[size + 2];
      result[0] = first;
      System.arraycopy(ids, 0, result, 1, size);
      result[size + 1] = last;
      return new EncodedText(result, overflowed);
    }
  }
}
