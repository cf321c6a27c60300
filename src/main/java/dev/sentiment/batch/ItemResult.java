package dev.sentiment.batch;

/**
 * The result of one item.
 *
 * @param index the item's index in its job
 * @param id the client's id for the item, if any
 * @param sentiment the most probable label, or null when {@code error} is set
 * @param score its probability, or null when {@code error} is set
 * @param error why the item has no sentiment, or null
 */
record ItemResult(int index, String id, String sentiment, Double score, String error) {

  static ItemResult ok(int index, String id, String sentiment, double score) {
    return new ItemResult(index, id, sentiment, score, null);
  }

  static ItemResult failed(int index, String id, String error) {
    return new ItemResult(index, id, null, null, error);
  }
}
