package dev.sentiment.batch;

import dev.sentiment.web.problem.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * CSV (RFC 4180): a header row naming a {@code text} column and optionally an {@code id} column
 * (any case, any order, other columns ignored), then one item per record. Quoted fields may hold
 * commas, doubled quotes and line breaks. A file without a usable header is refused (400); a record
 * that cannot be read (unclosed quote, text after a closing quote, wrong number of fields, invalid
 * UTF-8) becomes an error item naming its first line.
 */
final class CsvParser implements ItemParser {

  private static final int MAX_COLUMNS = 1000;

  @Override
  public void parse(InputStream in, ItemSink sink) throws IOException {
    CsvRecords records =
        new CsvRecords(new LineReader(in, ItemParser.maxLineBytes(sink)), sink.maxTextLength());
    CsvRecords.Record header = records.next(MAX_COLUMNS + 1);
    while (header != null && header.blank()) {
      header = records.next(MAX_COLUMNS + 1);
    }
    if (header == null) {
      throw new InvalidInputException("The CSV file is empty; it needs a header row with 'text'");
    }
    if (header.problem() != null || header.fieldCount() > MAX_COLUMNS) {
      String problem = header.problem() != null ? header.problem() : "it has too many columns";
      throw new InvalidInputException(
          "The CSV header row (line " + header.line() + ") cannot be read: " + problem);
    }
    int text = column(header, "text");
    int id = column(header, "id");
    if (text < 0) {
      throw new InvalidInputException(
          "The CSV header row (line " + header.line() + ") has no 'text' column");
    }
    int columns = header.fieldCount();
    for (CsvRecords.Record row = records.next(columns + 1); row != null; ) {
      if (!row.blank()) {
        item(row, columns, text, id, sink);
      }
      row = records.next(columns + 1);
    }
  }

  private static void item(CsvRecords.Record row, int columns, int text, int id, ItemSink sink) {
    String where = "line " + row.line();
    String itemId = id >= 0 && id < row.fields().size() ? emptyToNull(row.fields().get(id)) : null;
    if (row.problem() != null) {
      sink.error(where, itemId, row.problem());
    } else if (row.fieldCount() != columns) {
      sink.error(
          where,
          itemId,
          "the record has "
              + row.fieldCount()
              + (row.fieldCount() == 1 ? " field" : " fields")
              + " but the header has "
              + columns);
    } else {
      sink.text(where, itemId, row.fields().get(text));
    }
  }

  private static int column(CsvRecords.Record header, String name) {
    List<String> names = header.fields();
    int found = -1;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).trim().toLowerCase(Locale.ROOT).equals(name)) {
        if (found >= 0) {
          throw new InvalidInputException(
              "The CSV header row (line " + header.line() + ") has two '" + name + "' columns");
        }
        found = i;
      }
    }
    return found;
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
