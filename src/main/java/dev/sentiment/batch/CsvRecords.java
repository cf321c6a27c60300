package dev.sentiment.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits lines into RFC 4180 records. Memory stays bounded whatever the input: a field keeps at
 * most one character more than the longest allowed text (enough to tell that it is too long), and a
 * record keeps at most the fields asked for while still counting the rest.
 */
final class CsvRecords {

  /**
   * One record.
   *
   * @param line the line it starts on
   * @param fields its first fields (as many as were asked for)
   * @param fieldCount how many fields it has
   * @param problem why it cannot be read, or null
   */
  record Record(long line, List<String> fields, int fieldCount, String problem) {

    /** An empty line: no record at all. */
    boolean blank() {
      return fieldCount == 1 && fields.get(0).isEmpty() && problem == null;
    }
  }

  private final LineReader lines;
  private final int maxFieldLength;

  CsvRecords(LineReader lines, int maxTextLength) {
    this.lines = lines;
    this.maxFieldLength = maxTextLength + 1;
  }

  /** The next record keeping at most {@code maxFields} fields, or null at the end. */
  Record next(int maxFields) throws IOException {
    LineReader.Line line = lines.next();
    if (line == null) {
      return null;
    }
    long first = line.number();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int fieldCount = 0;
    String problem = null;
    boolean quoted = false;
    boolean closed = false;
    while (true) {
      if (line.tooLong()) {
        problem = "line " + line.number() + " is longer than " + lines.maxBytes() + " bytes";
      } else if (line.malformed() && problem == null) {
        problem = "the record is not valid UTF-8";
      }
      String text = line.text();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c != '"') {
            append(field, c);
          } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            append(field, '"');
            i++;
          } else {
            quoted = false;
            closed = true;
          }
        } else if (c == ',') {
          fieldCount = endField(fields, field, fieldCount, maxFields);
          closed = false;
        } else if (closed) {
          problem = problem != null ? problem : "a quoted field is followed by other characters";
        } else if (c == '"' && field.isEmpty()) {
          quoted = true;
        } else {
          append(field, c);
        }
      }
      if (!quoted || line.tooLong()) {
        break;
      }
      LineReader.Line continued = lines.next();
      if (continued == null) {
        problem = problem != null ? problem : "a quoted field is not closed";
        break;
      }
      append(field, '\n');
      line = continued;
    }
    fieldCount = endField(fields, field, fieldCount, maxFields);
    return new Record(first, fields, fieldCount, problem);
  }

  private void append(StringBuilder field, char c) {
    if (field.length() < maxFieldLength) {
      field.append(c);
    }
  }

  private static int endField(List<String> fields, StringBuilder field, int count, int max) {
    if (fields.size() < max) {
      fields.add(field.toString());
    }
    field.setLength(0);
    return count + 1;
  }
}
