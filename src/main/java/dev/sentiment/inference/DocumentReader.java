package dev.sentiment.inference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Reads a text of any length as the model can: a text that fits the model's maximum length is one
 * window, tokenized once and never split (the common case, and the tokenizer's fast path stays); a
 * longer one is cut at sentence boundaries into windows of at most {@code windowTokens} ({@link
 * WindowPlanner}), up to {@code maxWindows}. When sentence detail is asked for, each sentence is
 * also a text of its own: the window that holds it alone, the pieces of a sentence too long for one
 * window, or else the sentence tokenized by itself. Detail never changes how the text itself is
 * read.
 */
final class DocumentReader {

  /** One text as the engine computes it. */
  record Document(List<EncodedText> windows, List<Sentence> sentences, boolean truncated) {

    /** Whether any window has a token the model can read. */
    boolean readable() {
      return !windows.isEmpty();
    }
  }

  /**
   * One sentence: its span, and which windows of the document it is (when it is exactly one or
   * several of them), or its own encoding otherwise.
   */
  record Sentence(TextSpan span, List<Integer> windows, EncodedText own) {}

  private final TextEncoder encoder;
  private final int budget;
  private final int maxWindows;

  /**
   * @param encoder encodes up to the model's maximum length, and says when a text is longer
   * @param windowTokens the most tokens of one window of a longer text, special tokens included
   * @param maxWindows the most windows read of one text
   */
  DocumentReader(TextEncoder encoder, int windowTokens, int maxWindows) {
    this.encoder = encoder;
    this.budget = Math.max(1, windowTokens - encoder.specialTokens());
    this.maxWindows = maxWindows;
  }

  Document read(String text, boolean withSentences) {
    EncodedText whole = encoder.encode(text);
    if (!whole.truncated()) {
      List<EncodedText> windows = encoder.hasContent(whole) ? List.of(whole) : List.of();
      if (!withSentences) {
        return new Document(windows, List.of(), false);
      }
      List<TextSpan> spans = SentenceSplitter.split(text);
      // One window: a sentence is that window only when it is the whole text.
      List<List<Integer>> windowsOf =
          spans.size() == 1 && !windows.isEmpty() ? List.of(List.of(0)) : List.of();
      return new Document(
          windows, sentences(text, spans, spans.size(), windowsOf, encoder::encode), false);
    }
    // Every string is tokenized once: the planner counts each sentence and window by encoding it,
    // and the window (or sentence) the model then reads is that very string.
    Map<String, EncodedText> encodings = new HashMap<>();
    Function<String, EncodedText> encode = s -> encodings.computeIfAbsent(s, encoder::encode);
    ToIntFunction<String> tokens =
        s -> {
          EncodedText encoded = encode.apply(s);
          return encoded.truncated()
              ? Integer.MAX_VALUE
              : encoded.length() - encoder.specialTokens();
        };
    List<TextSpan> spans = SentenceSplitter.split(text);
    WindowPlanner.Plan plan =
        new WindowPlanner(tokens, budget, TextEncoder.CHARS_PER_TOKEN * budget, maxWindows)
            .plan(text, spans);
    List<EncodedText> windows = new ArrayList<>();
    // Which windows each sentence is: its own when it alone fills one, its pieces when cut.
    List<List<Integer>> windowsOf = new ArrayList<>();
    for (WindowPlanner.Window window : plan.windows()) {
      EncodedText encoded = encode.apply(window.span().of(text));
      if (!encoder.hasContent(encoded)) {
        continue;
      }
      windows.add(encoded);
      if (window.partial() || window.endSentence() - window.firstSentence() == 1) {
        while (windowsOf.size() <= window.firstSentence()) {
          windowsOf.add(new ArrayList<>());
        }
        windowsOf.get(window.firstSentence()).add(windows.size() - 1);
      }
    }
    if (!withSentences) {
      return new Document(windows, List.of(), plan.truncated());
    }
    int read =
        plan.windows().isEmpty() ? 0 : plan.windows().get(plan.windows().size() - 1).endSentence();
    return new Document(windows, sentences(text, spans, read, windowsOf, encode), plan.truncated());
  }

  /**
   * The first {@code read} sentences: each the windows it is ({@code windowsOf}, by sentence), or
   * else tokenized by itself; a sentence with no token the model can read is left out.
   */
  private List<Sentence> sentences(
      String text,
      List<TextSpan> spans,
      int read,
      List<List<Integer>> windowsOf,
      Function<String, EncodedText> encode) {
    List<Sentence> sentences = new ArrayList<>(read);
    for (int i = 0; i < read; i++) {
      List<Integer> own = i < windowsOf.size() ? windowsOf.get(i) : List.of();
      if (!own.isEmpty()) {
        sentences.add(new Sentence(spans.get(i), List.copyOf(own), null));
        continue;
      }
      EncodedText encoded = encode.apply(spans.get(i).of(text));
      if (encoder.hasContent(encoded)) {
        sentences.add(new Sentence(spans.get(i), List.of(), encoded));
      }
    }
    return sentences;
  }
}
