package dev.sentiment.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Receives the items a parser reads, checks each against the limits and hands them on in batches,
 * so a submission of any size holds at most one batch in memory. A text that cannot be classified
 * (blank, too long, with a NUL character) becomes an item whose result is an error naming where it
 * came from; more items than the limit end the submission with {@link TooManyItemsException}.
 */
final class ItemSink {

  static final int MAX_ID_LENGTH = 256;

  private final int maxItems;
  private final int maxTextLength;
  private final int batchSize;
  private final BiConsumer<Integer, List<Item>> flush;
  private final List<Item> batch;
  private int count;

  /**
   * @param flush receives the index of the first item of each batch and the batch
   */
  ItemSink(int maxItems, int maxTextLength, int batchSize, BiConsumer<Integer, List<Item>> flush) {
    this.maxItems = maxItems;
    this.maxTextLength = maxTextLength;
    this.batchSize = batchSize;
    this.flush = flush;
    this.batch = new ArrayList<>(batchSize);
  }

  int maxTextLength() {
    return maxTextLength;
  }

  /** An item read from {@code where} (such as "line 7" or "texts[3]"). */
  void text(String where, String id, String text) {
    if (id != null && id.length() > MAX_ID_LENGTH) {
      error(where, null, "'id' is longer than " + MAX_ID_LENGTH + " characters");
    } else if (text.isBlank()) {
      error(where, id, "the text is blank");
    } else if (text.length() > maxTextLength) {
      error(where, id, "the text is longer than " + maxTextLength + " characters");
    } else if (text.indexOf('\0') >= 0 || (id != null && id.indexOf('\0') >= 0)) {
      error(where, null, "the item contains a NUL character");
    } else {
      add(new Item(id, text, null));
    }
  }

  /** An item at {@code where} that could not be read; its result will be this error. */
  void error(String where, String id, String message) {
    boolean usableId = id != null && id.length() <= MAX_ID_LENGTH && id.indexOf('\0') < 0;
    add(new Item(usableId ? id : null, null, where + ": " + message));
  }

  private void add(Item item) {
    if (count == maxItems) {
      throw new TooManyItemsException(maxItems);
    }
    batch.add(item);
    count++;
    if (batch.size() == batchSize) {
      flushBatch();
    }
  }

  /** Hands on the last, partial batch; returns how many items there were in all. */
  int finish() {
    flushBatch();
    return count;
  }

  private void flushBatch() {
    if (!batch.isEmpty()) {
      flush.accept(count - batch.size(), List.copyOf(batch));
      batch.clear();
    }
  }
}
