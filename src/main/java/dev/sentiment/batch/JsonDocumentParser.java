package dev.sentiment.batch;

import dev.sentiment.web.problem.BodyErrors;
import dev.sentiment.web.problem.InvalidInputException;
import dev.sentiment.web.problem.PayloadTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON document {@code {"texts": [...]}} or {@code {"items": [{"id", "text"}, ...]}}, read token
 * by token so that a large one never sits in memory. It is one document, so any type error in it is
 * a 400 naming the path (such as {@code items[3].text}); other fields are ignored.
 */
final class JsonDocumentParser implements ItemParser {

  private final ObjectReader json;

  /**
   * The parser is closed when done but leaves the stream open ({@code AUTO_CLOSE_SOURCE} off): the
   * stream belongs to the caller, which reads the rest of it for the content's hash.
   */
  JsonDocumentParser(JsonMapper json) {
    this.json = json.reader().without(StreamReadFeature.AUTO_CLOSE_SOURCE);
  }

  @Override
  public void parse(InputStream in, ItemSink sink) throws IOException {
    try (JsonParser parser = json.createParser(in)) {
      read(parser, sink);
    } catch (JacksonException e) {
      if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
        throw tooLarge;
      }
      throw new InvalidInputException(BodyErrors.describeJson(e));
    }
  }

  private static void read(JsonParser parser, ItemSink sink) {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new InvalidInputException("The request body must be a JSON object");
    }
    String list = null;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; ) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("texts") || name.equals("items")) {
        if (list != null) {
          throw new InvalidInputException("Give either 'texts' or 'items', not both");
        }
        list = name;
        if (value != JsonToken.START_ARRAY) {
          throw new InvalidInputException("'" + name + "' must be an array");
        }
        if (name.equals("texts")) {
          texts(parser, sink);
        } else {
          items(parser, sink);
        }
      } else {
        parser.skipChildren();
      }
      token = parser.nextToken();
    }
    if (parser.nextToken() != null) {
      throw new InvalidInputException("Nothing may follow the JSON object");
    }
    if (list == null) {
      throw new InvalidInputException("The request body needs 'texts' or 'items'");
    }
  }

  private static void texts(JsonParser parser, ItemSink sink) {
    int index = 0;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; index++) {
      String where = "texts[" + index + "]";
      if (token != JsonToken.VALUE_STRING) {
        throw new InvalidInputException("'" + where + "' must be a string");
      }
      sink.text(where, null, parser.getString());
      token = parser.nextToken();
    }
  }

  private static void items(JsonParser parser, ItemSink sink) {
    int index = 0;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; index++) {
      String where = "items[" + index + "]";
      if (token != JsonToken.START_OBJECT) {
        throw new InvalidInputException("'" + where + "' must be an object");
      }
      String id = null;
      String text = null;
      for (token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("text")) {
          if (value != JsonToken.VALUE_STRING) {
            throw new InvalidInputException("'" + where + ".text' must be a string");
          }
          text = parser.getString();
        } else if (name.equals("id")) {
          if (value != JsonToken.VALUE_STRING
              && value != JsonToken.VALUE_NUMBER_INT
              && value != JsonToken.VALUE_NULL) {
            throw new InvalidInputException("'" + where + ".id' must be a string or an integer");
          }
          id = value == JsonToken.VALUE_NULL ? null : parser.getString();
        } else {
          parser.skipChildren();
        }
      }
      if (text == null) {
        throw new InvalidInputException("'" + where + ".text' is required");
      }
      sink.text(where, id, text);
      token = parser.nextToken();
    }
  }
}
