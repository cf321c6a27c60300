package dev.sentiment.inference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Reads a text of any length as the model can: a text that fits the model's window is one window,
 * tokenized once and never split (the common case, and the tokenizer's fast path stays); a longer
 * one is cut at sentence boundaries into windows that fit ({@link WindowPlanner}), up to {@code
 * maxWindows}. When sentence detail is asked for, each sentence is also a text of its own: the
 * window that holds it alone, the pieces of a sentence too long for one window, or else the
 * sentence tokenized by itself.
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

  DocumentReader(TextEncoder encoder, int maxLength, int maxWindows) {
    this.encoder = encoder;
    this.budget = Math.max(1, maxLength - encoder.specialTokens());
    this.maxWindows = maxWindows;
  }

  Document read(String text, boolean withSentences) {
    if (!withSentences) {
      EncodedText whole = encoder.encode(text);
      if (!whole.truncated()) {
        return new Document(
            encoder.hasContent(whole) ? List.of(whole) : List.of(), List.of(), false);
      }
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
    List<Sentence> sentences = new ArrayList<>();
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
    return new Document(windows, sentences, plan.truncated());
  }
}
