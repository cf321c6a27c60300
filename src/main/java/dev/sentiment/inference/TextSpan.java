package dev.sentiment.inference;

/**
 * A run of characters of a text, {@code [start, end)} in UTF-16 offsets into the text exactly as
 * the caller sent it, so {@code text.substring(start, end)} is the run and a client can point at it
 * in its own string.
 *
 * @param start offset of the first character
 * @param end offset just past the last character; greater than {@code start}
 */
record TextSpan(int start, int end) {

  TextSpan {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("not a span: [" + start + ", " + end + ")");
    }
  }

  int length() {
    return end - start;
  }

  String of(String text) {
    return text.substring(start, end);
  }
}
