package dev.sentiment.batch;

import java.io.IOException;
import java.io.InputStream;

/** Plain text: one item per line; blank lines separate nothing and are skipped. */
final class TextParser implements ItemParser {

  @Override
  public void parse(InputStream in, ItemSink sink) throws IOException {
    LineReader lines = new LineReader(in, ItemParser.maxLineBytes(sink));
    for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
      String where = "line " + line.number();
      if (line.tooLong()) {
        sink.error(where, null, "the text is longer than " + sink.maxTextLength() + " characters");
      } else if (line.malformed()) {
        sink.error(where, null, "the line is not valid UTF-8");
      } else if (!line.text().isBlank()) {
        sink.text(where, null, line.text());
      }
    }
  }
}
