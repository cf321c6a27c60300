package dev.sentiment.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Cuts a text too long for the model into windows the model reads whole: consecutive sentences
 * packed greedily, each window at most {@code budget} content tokens (the model's maximum length
 * less the special tokens the tokenizer adds) and at most {@code maxChars} characters.
 *
 * <p>A sentence longer than that is cut at whitespace into pieces that fit, and a "word" longer
 * than that (a URL, a run of CJK or emoji without spaces) by characters, never inside a surrogate
 * pair. Such pieces are windows of their own, never packed with other sentences, so a window holds
 * either whole sentences or part of one.
 *
 * <p><b>The budget guarantee.</b> Token counts need not add up: a tokenizer may count a joined text
 * differently from the sum of its parts (not BERT's WordPiece, which splits at whitespace first,
 * but a SentencePiece or BPE model may). So sums only propose a window: a window of several units
 * is counted again as the very text it will be, {@code text.substring(start, end)}, and loses its
 * last unit until that count is within the budget; a window of one unit is that unit, already
 * counted alone. Every window therefore has an exact count, {@link Window#tokens}, at most {@code
 * budget}. The one exception is a single code point that alone counts more than the budget, which
 * no real tokenizer and budget come near; it is still a window of its own, and the encoder's own
 * truncation stays the last guard.
 *
 * <p>The token counter may saturate: only whether a count exceeds the budget matters for a text
 * that does not fit, so a counter built on a truncating encoder can answer any number above the
 * budget ({@code Integer.MAX_VALUE} included) when the encoder says it truncated. It must not
 * answer the truncated length. Counts are taken lazily and no counted text is longer than {@code
 * maxChars} (a longer sentence or word is cut without being counted whole), so counting stops at
 * {@code maxWindows} windows however long the text.
 */
final class WindowPlanner {

  /**
   * One window of the text.
   *
   * @param span the window's characters in the text as sent, trimmed
   * @param firstSentence index of the first sentence it holds (or of the one it is part of)
   * @param endSentence index just past the last sentence it holds
   * @param partial whether it is part of one over-long sentence rather than whole sentences
   * @param tokens the counter's count of exactly {@code span.of(text)}
   */
  record Window(TextSpan span, int firstSentence, int endSentence, boolean partial, int tokens) {}

  /**
   * The windows of one text, in text order.
   *
   * @param truncated whether some of the text is in no window because of {@code maxWindows}
   */
  record Plan(List<Window> windows, boolean truncated) {}

  private final ToIntFunction<String> tokens;
  private final int budget;
  private final int maxChars;
  private final int maxWindows;

  /**
   * @param tokens content tokens of a string, without the special tokens (may saturate, above)
   * @param budget the most content tokens in one window: the model's maximum length less its
   *     special tokens
   * @param maxChars the most characters in one window, so no window is cut by the encoder's own
   *     character limit ({@link TextEncoder#CHARS_PER_TOKEN} times the budget fits under it)
   * @param maxWindows the most windows per text; the rest is dropped and reported
   */
  WindowPlanner(ToIntFunction<String> tokens, int budget, int maxChars, int maxWindows) {
    if (budget < 1 || maxChars < 2 || maxWindows < 1) {
      throw new IllegalArgumentException("budget, maxChars and maxWindows must be positive");
    }
    this.tokens = tokens;
    this.budget = budget;
    this.maxChars = maxChars;
    this.maxWindows = maxWindows;
  }

  /** The windows of {@code text}, cut into sentences by {@link SentenceSplitter}. */
  Plan plan(String text) {
    return plan(text, SentenceSplitter.split(text));
  }

  /** The windows of {@code text} whose sentences are {@code sentences} (in order, disjoint). */
  Plan plan(String text, List<TextSpan> sentences) {
    List<Window> windows = new ArrayList<>();
    boolean complete =
        pack(
            text,
            sentences,
            (span, first, end, count) -> add(windows, new Window(span, first, end, false, count)),
            sentence ->
                pieces(
                    text,
                    sentences.get(sentence),
                    (span, count) ->
                        add(windows, new Window(span, sentence, sentence + 1, true, count))));
    return new Plan(List.copyOf(windows), !complete);
  }

  private boolean add(List<Window> windows, Window window) {
    if (windows.size() == maxWindows) {
      return false;
    }
    windows.add(window);
    return true;
  }

  private interface Packed {
    /** Takes units {@code [first, end)} as one window; false when no more windows are wanted. */
    boolean accept(TextSpan span, int first, int end, int tokens);
  }

  private interface TooLong {
    /** Takes over unit {@code index}, which fits in no window; false to stop. */
    boolean split(int index);
  }

  private interface Piece {
    boolean accept(TextSpan span, int tokens);
  }

  /**
   * Greedy packing of consecutive units, the same at the level of sentences and of words: while the
   * next unit fits by the sum of counts, it joins; the joined text is then counted again and gives
   * back units until it fits (see the class comment). False when a sink said stop.
   */
  private boolean pack(String text, List<TextSpan> units, Packed packed, TooLong tooLong) {
    int n = units.size();
    int[] counts = new int[n];
    int counted = 0; // counts[0, counted) are known; counted lazily so work stops at the cap
    int i = 0;
    while (i < n) {
      if (counted == i) {
        counts[counted] = count(text, units.get(counted));
        counted++;
      }
      if (counts[i] > budget) {
        if (!tooLong.split(i)) {
          return false;
        }
        i++;
        continue;
      }
      int start = units.get(i).start();
      int sum = counts[i];
      int j = i + 1;
      while (j < n && units.get(j).end() - start <= maxChars) {
        if (counted == j) {
          counts[counted] = count(text, units.get(counted));
          counted++;
        }
        if (counts[j] > budget || sum + counts[j] > budget) {
          break;
        }
        sum += counts[j];
        j++;
      }
      int joined = counts[i];
      while (j - i > 1) {
        joined = tokens.applyAsInt(text.substring(start, units.get(j - 1).end()));
        if (joined <= budget) {
          break;
        }
        j--;
        joined = counts[i];
      }
      if (!packed.accept(new TextSpan(start, units.get(j - 1).end()), i, j, joined)) {
        return false;
      }
      i = j;
    }
    return true;
  }

  /** A unit's count, or "too long" without counting when it has more characters than allowed. */
  private int count(String text, TextSpan unit) {
    return unit.length() > maxChars ? Integer.MAX_VALUE : tokens.applyAsInt(unit.of(text));
  }

  /** An over-long sentence as pieces: its words packed, an over-long word cut by characters. */
  private boolean pieces(String text, TextSpan sentence, Piece piece) {
    List<TextSpan> words = new ArrayList<>();
    int i = sentence.start();
    while (i < sentence.end()) {
      while (i < sentence.end() && SentenceSplitter.isBlank(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < sentence.end() && !SentenceSplitter.isBlank(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(new TextSpan(start, i));
      }
    }
    return pack(
        text,
        words,
        (span, first, end, count) -> piece.accept(span, count),
        word -> characters(text, words.get(word), piece));
  }

  /**
   * An over-long word cut into the longest runs of whole code points that fit, each found by
   * bisection over the code point boundaries (each candidate counted exactly as it will be sent).
   */
  private boolean characters(String text, TextSpan word, Piece piece) {
    int p = word.start();
    while (p < word.end()) {
      int limit = Math.min(word.end(), p + maxChars);
      if (limit < word.end()
          && Character.isHighSurrogate(text.charAt(limit - 1))
          && Character.isLowSurrogate(text.charAt(limit))) {
        limit--; // a pair that straddles the limit goes whole to the next piece (maxChars >= 2)
      }
      int[] ends = text.substring(p, limit).codePoints().map(Character::charCount).toArray();
      for (int k = 0, at = p; k < ends.length; k++) {
        ends[k] = at += ends[k]; // ends[k]: the offset after k + 1 code points
      }
      int lo = 0; // ends[lo] is taken even over the budget: one code point is never split
      int loCount = tokens.applyAsInt(text.substring(p, ends[0]));
      int hi = ends.length;
      while (hi - lo > 1) {
        int mid = (lo + hi) >>> 1;
        int count = tokens.applyAsInt(text.substring(p, ends[mid]));
        if (count <= budget) {
          lo = mid;
          loCount = count;
        } else {
          hi = mid;
        }
      }
      if (!piece.accept(new TextSpan(p, ends[lo]), loCount)) {
        return false;
      }
      p = ends[lo];
    }
    return true;
  }
}
