package dev.sentiment.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes results one line each as they come from the database: NDJSON objects or CSV rows with the
 * fields {@code index, id, sentiment, score, error} (absent values are JSON null or empty).
 */
final class ResultWriter implements Consumer<ItemResult> {

  private static final byte[] CSV_HEADER =
      "index,id,sentiment,score,error\r\n".getBytes(StandardCharsets.US_ASCII);

  private final OutputStream out;
  private final ResultFormat format;
  private final ObjectWriter json;

  ResultWriter(OutputStream out, ResultFormat format, JsonMapper json) throws IOException {
    this.out = out;
    this.format = format;
    this.json = json.writerFor(ItemResult.class);
    if (format == ResultFormat.CSV) {
      out.write(CSV_HEADER);
    }
  }

  @Override
  public void accept(ItemResult result) {
    try {
      if (format == ResultFormat.NDJSON) {
        out.write(json.writeValueAsBytes(result));
        out.write('\n');
      } else {
        out.write(csv(result).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // The client went away: the database cursor is closed as this unwinds.
      throw new UncheckedIOException(e);
    }
  }

  private static String csv(ItemResult r) {
    return r.index()
        + ","
        + quote(r.id())
        + ","
        + (r.sentiment() == null ? "" : quote(r.sentiment()))
        + ","
        + (r.score() == null ? "" : r.score().toString())
        + ","
        + quote(r.error())
        + "\r\n";
  }

  private static String quote(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
