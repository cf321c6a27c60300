package dev.sentiment.batch;

import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Newline-delimited JSON: one object per line with a string {@code text} and an optional {@code id}
 * (string or integer); other fields are ignored and blank lines skipped. A line that is not such an
 * object becomes an error item naming the line.
 */
final class NdjsonParser implements ItemParser {

  private final JsonMapper json;

  NdjsonParser(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void parse(InputStream in, ItemSink sink) throws IOException {
    LineReader lines = new LineReader(in, ItemParser.maxLineBytes(sink));
    for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
      String where = "line " + line.number();
      if (line.tooLong()) {
        sink.error(
            where, null, "the line is longer than the limit of " + lines.maxBytes() + " bytes");
      } else if (line.malformed()) {
        sink.error(where, null, "the line is not valid UTF-8");
      } else if (!line.text().isBlank()) {
        item(where, line.text(), sink);
      }
    }
  }

  private void item(String where, String line, ItemSink sink) {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (JacksonException e) {
      sink.error(where, null, "the line is not valid JSON");
      return;
    }
    if (!node.isObject()) {
      sink.error(where, null, "the line must be a JSON object");
      return;
    }
    JsonNode id = node.path("id");
    if (!id.isMissingNode() && !id.isNull() && !id.isString() && !id.isIntegralNumber()) {
      sink.error(where, null, "'id' must be a string or an integer");
      return;
    }
    String itemId = id.isMissingNode() || id.isNull() ? null : id.asString();
    JsonNode text = node.path("text");
    if (!text.isString()) {
      sink.error(where, itemId, "'text' must be a string");
      return;
    }
    sink.text(where, itemId, text.asString());
  }
}
