package dev.sentiment.inference;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text into sentences, as {@link TextSpan}s into the text as sent.
 *
 * <p>The sentence rules are the JDK's own ({@link BreakIterator#getSentenceInstance} for {@link
 * Locale#ROOT}): a break after {@code .} {@code !} {@code ?} (and their CJK forms) when what
 * follows looks like a new sentence, no dictionary of abbreviations (so "Mr. Smith" is two
 * sentences). That is enough here: sentences only decide where a long text may be cut into the
 * model's windows, and a sentence cut too often still packs with its neighbours into the same
 * window, while one not cut is cut further at whitespace by {@link WindowPlanner}. It needs no new
 * dependency; ICU4J would add abbreviation suppression, which matters little for packing.
 *
 * <p>One rule is added: every line break ends a sentence. The JDK's iterator treats a line break as
 * a space, so a title line or a list item without a full stop would run into the next line;
 * Unicode's sentence rules (UAX #29, rule SB4, what ICU does) break there, and so does this.
 *
 * <p>The result: spans in text order, none empty, none overlapping, each trimmed of the whitespace
 * around it; every character of the text that is not whitespace is in exactly one span (only
 * whitespace lies between spans). Whitespace is what {@link #isBlank} says: Java whitespace and the
 * Unicode space separators (no-break space, ideographic space), all of them single UTF-16 units, so
 * trimming never splits a surrogate pair.
 */
final class SentenceSplitter {

  private SentenceSplitter() {}

  /** The sentences of {@code text}; none for a blank text. */
  static List<TextSpan> split(String text) {
    List<TextSpan> spans = new ArrayList<>();
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    int lineStart = 0;
    while (lineStart < text.length()) {
      int lineEnd = lineStart;
      while (lineEnd < text.length() && !isLineBreak(text.charAt(lineEnd))) {
        lineEnd++;
      }
      if (lineEnd > lineStart) {
        // The iterator reads the line in place: its offsets are offsets into the whole text.
        sentences.setText(new StringCharacterIterator(text, lineStart, lineEnd, lineStart));
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; end = sentences.next()) {
          addTrimmed(text, start, end, spans);
          start = end;
        }
      }
      lineStart = lineEnd + 1; // a line break is whitespace: it belongs to no span
    }
    return spans;
  }

  private static void addTrimmed(String text, int start, int end, List<TextSpan> spans) {
    while (start < end && isBlank(text.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      spans.add(new TextSpan(start, end));
    }
  }

  /** The line terminators of UAX #29 (CR, LF, NEL, line and paragraph separator), plus VT, FF. */
  static boolean isLineBreak(char c) {
    return c == '\n'
        || c == '\r'
        || c == '\u000B'
        || c == '\u000C'
        || c == '\u0085'
        || c == '\u2028'
        || c == '\u2029';
  }

  /** Whitespace between sentences and words: Java whitespace or a Unicode space separator. */
  static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
