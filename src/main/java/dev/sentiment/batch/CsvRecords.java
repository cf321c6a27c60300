package dev.sentiment.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits lines into RFC 4180 records. Memory stays bounded whatever the input: a field keeps at
 * most one character more than the longest allowed text (enough to tell that it is too long), and a
 * record keeps at most the fields asked for while still counting the rest.
 *
 * <p>The part cut off a line too long to read is still scanned for quotes and commas, so a record
 * with such a line in a quoted field ends where the quote closes, as one record with a problem,
 * rather than at the cut, with its rest misread as records of their own. A field that reaches into
 * a cut-off part is kept empty: its text was not read.
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
    Scan scan = new Scan(maxFields);
    while (true) {
      if (line.tooLong()) {
        // The item is named by the record's first line: name the long one only if it is another.
        String which = line.number() == first ? "the line" : "line " + line.number();
        scan.problem = which + " is longer than " + lines.maxBytes() + " bytes";
      } else if (line.malformed() && scan.problem == null) {
        scan.problem = "the record is not valid UTF-8";
      }
      String text = line.text();
      for (int i = 0; i < text.length(); i++) {
        scan.accept(text.charAt(i));
      }
      if (line.tooLong()) {
        scan.cutOff = true;
        scan.unread = true;
        // A byte of a multi-byte character stands for any ordinary character.
        lines.rest(b -> scan.accept(b < 0x80 ? (char) b : '?'));
        scan.cutOff = false;
      }
      if (!scan.endLine()) {
        break;
      }
      LineReader.Line continued = lines.next();
      if (continued == null) {
        // Whatever else is wrong, this is why the record runs to the end of the file.
        scan.problem = "a quoted field is not closed";
        break;
      }
      scan.append('\n');
      line = continued;
    }
    scan.endField();
    return new Record(first, scan.fields, scan.fieldCount, scan.problem);
  }

  /** One record as it is read, a character at a time. */
  private final class Scan {

    private final int maxFields;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private int fieldCount;
    private String problem;

    /** Inside a quoted field. */
    private boolean quoted;

    /** A quote inside a quoted field: escaped if another follows at once, else the closing one. */
    private boolean quote;

    /** The field's closing quote was read; only a comma may follow. */
    private boolean closed;

    /** The field has begun: a quote opens a quoted field only as its first character. */
    private boolean started;

    /** Reading the part cut off a line. */
    private boolean cutOff;

    /** The field reaches into a cut-off part, so its text is not known. */
    private boolean unread;

    Scan(int maxFields) {
      this.maxFields = maxFields;
    }

    void accept(char c) {
      if (quote) {
        quote = false;
        if (c == '"') {
          append('"');
          return;
        }
        quoted = false;
        closed = true;
      }
      if (quoted) {
        if (c == '"') {
          quote = true;
        } else {
          append(c);
        }
      } else if (c == ',') {
        endField();
      } else if (closed) {
        problem = problem != null ? problem : "a quoted field is followed by other characters";
      } else if (c == '"' && !started) {
        quoted = true;
        started = true;
      } else {
        append(c);
      }
    }

    /** The end of a line; true when the record goes on, in a quoted field, on the next one. */
    boolean endLine() {
      if (quote) {
        quote = false;
        quoted = false;
        closed = true;
      }
      return quoted;
    }

    void append(char c) {
      started = true;
      if (field.length() < maxFieldLength) {
        field.append(c);
      }
    }

    void endField() {
      if (fields.size() < maxFields) {
        fields.add(unread ? "" : field.toString());
      }
      fieldCount++;
      field.setLength(0);
      started = false;
      closed = false;
      unread = cutOff;
    }
  }
}
