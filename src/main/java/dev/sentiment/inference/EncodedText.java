package dev.sentiment.inference;

/**
 * A text as the model sees it.
 *
 * @param ids token ids, special tokens included, at most the model's maximum length
 * @param truncated whether the text had more tokens than that and was cut
 */
record EncodedText(long[] ids, boolean truncated) {

  int length() {
    return ids.length;
  }
}
