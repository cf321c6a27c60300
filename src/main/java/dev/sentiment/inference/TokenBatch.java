package dev.sentiment.inference;

import java.util.List;

/**
 * Texts padded to a common length, laid out row by row as the model's {@code [B, T]} inputs.
 *
 * @param ids token ids, padding id 0
 * @param mask 1 for a real token, 0 for padding
 * @param rows B, the number of texts
 * @param columns T, the longest text's length
 */
record TokenBatch(long[] ids, long[] mask, int rows, int columns) {

  static TokenBatch of(List<EncodedText> texts) {
    int columns = 0;
    for (EncodedText text : texts) {
      columns = Math.max(columns, text.length());
    }
    int rows = texts.size();
    long[] ids = new long[rows * columns];
    long[] mask = new long[rows * columns];
    for (int row = 0; row < rows; row++) {
      long[] source = texts.get(row).ids();
      System.arraycopy(source, 0, ids, row * columns, source.length);
      java.util.Arrays.fill(mask, row * columns, row * columns + source.length, 1L);
    }
    return new TokenBatch(ids, mask, rows, columns);
  }
}
