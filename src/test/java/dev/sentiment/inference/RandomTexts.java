package dev.sentiment.inference;

import java.util.Random;

/**
 * Random texts for the sentence and window properties: words of Latin letters with accents and
 * combining marks, emoji (surrogate pairs, ZWJ sequences), CJK, long runs without any space,
 * sentence punctuation, all kinds of whitespace and line breaks.
 */
final class RandomTexts {

  private static final String[] PIECES = {
    "good",
    "film",
    "the",
    "acting",
    "was",
    "not",
    "great",
    "émouvant",
    "cafe\u0301",
    "naïve",
    "😀",
    "👍🏽",
    "👩\u200d💻",
    "🎬🎬🎬",
    "日本語",
    "好看的电影",
    "한국어",
    "Zdravo",
    "ok",
    "I",
    ",",
    ";",
    "-",
    "\"",
    "(",
    ")",
    "...",
    "#tag",
    "@user",
    "https://t.co/xYz",
    "e\u0301\u0301\u0301",
    "\u200b"
  };
  private static final String[] ENDS = {".", "!", "?", "?!", "。", "...", ". ", ""};
  private static final String[] SPACES = {
    " ", " ", " ", "  ", "\t", "\u00a0", "\u3000", "\n", "\n\n"
  };

  private RandomTexts() {}

  /** About {@code words} words of random text. */
  static String text(Random random, int words) {
    StringBuilder text = new StringBuilder();
    if (random.nextInt(4) == 0) {
      text.append(pick(random, SPACES));
    }
    for (int w = 0; w < words; w++) {
      int kind = random.nextInt(40);
      if (kind == 0) {
        // A "word" far longer than any window: no space for hundreds of characters.
        text.append(pick(random, PIECES).repeat(50 + random.nextInt(300)));
      } else if (kind == 1) {
        text.append("x".repeat(1 + random.nextInt(30)));
      } else {
        String piece = pick(random, PIECES);
        text.append(
            random.nextInt(5) == 0
                ? Character.toUpperCase(piece.charAt(0)) + piece.substring(1)
                : piece);
      }
      // Sentences end often, but sometimes not for hundreds of words.
      if (random.nextInt(random.nextBoolean() ? 12 : 400) == 0) {
        text.append(pick(random, ENDS));
      }
      text.append(pick(random, SPACES));
    }
    return text.toString();
  }

  private static String pick(Random random, String[] from) {
    return from[random.nextInt(from.length)];
  }
}
