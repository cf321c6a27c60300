package dev.sentiment.batch;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the items of one submission format from a stream into a sink, never holding more than one
 * item. A problem with the document as a whole is an {@link
 * dev.sentiment.web.problem.InvalidInputException} (400); a problem with one line or record becomes
 * an error item.
 */
interface ItemParser {

  void parse(InputStream in, ItemSink sink) throws IOException;

  /** The most bytes of one line worth reading: enough for the longest text, escaped, and an id. */
  static int maxLineBytes(ItemSink sink) {
    return sink.maxTextLength() * 6 + 4096;
  }
}
