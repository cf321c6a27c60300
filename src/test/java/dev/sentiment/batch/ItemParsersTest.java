package dev.sentiment.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentiment.web.problem.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The malformed-line policy: a line or record that cannot be read becomes an item whose error names
 * the line, so the rest of a large upload is not lost; only a document that is unusable as a whole
 * (no CSV header with 'text', broken JSON body) is refused.
 */
class ItemParsersTest {

  /** What a line may hold with the limit of 20 characters these tests use. */
  private static final int MAX_LINE_BYTES = 20 * 6 + 4096;

  private final List<Item> stored = new ArrayList<>();

  private List<Item> parse(ItemParser parser, byte[] content) throws IOException {
    ItemSink sink = new ItemSink(100, 20, 3, (first, batch) -> stored.addAll(batch));
    parser.parse(new ByteArrayInputStream(content), sink);
    assertThat(sink.finish()).isEqualTo(stored.size());
    return stored;
  }

  private List<Item> parse(ItemParser parser, String content) throws IOException {
    return parse(parser, content.getBytes(StandardCharsets.UTF_8));
  }

  private static Item text(String id, String text) {
    return new Item(id, text, null);
  }

  private static Item error(String message) {
    return new Item(null, null, message);
  }

  @Test
  void plainTextIsOneItemPerLineSkippingBlankLines() throws IOException {
    assertThat(parse(new TextParser(), "\uFEFFgood\r\n\n  \nbad movie\nlast"))
        .containsExactly(text(null, "good"), text(null, "bad movie"), text(null, "last"));
  }

  @Test
  void invalidUtf8AndOverlongLinesBecomeErrorsNamingTheLine() throws IOException {
    byte[] content =
        "fine\n\u00ff\u00fe\nthis line is far too long for the limit\nok\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(parse(new TextParser(), content))
        .containsExactly(
            text(null, "fine"),
            error("line 2: the line is not valid UTF-8"),
            error("line 3: the text is longer than 20 characters"),
            text(null, "ok"));
  }

  @Test
  void ndjsonLinesThatAreNotItemsBecomeErrors() throws IOException {
    String content =
        """
        {"id": "a", "text": "good"}
        {"id": 7, "text": "bad", "extra": [1]}

        {"text": 5, "id": "b"}
        not json
        [1, 2]
        {"id": {"x": 1}, "text": "t"}
        {"text": "   "}
        """;
    assertThat(parse(new NdjsonParser(JsonMapper.shared()), content))
        .containsExactly(
            text("a", "good"),
            text("7", "bad"),
            new Item("b", null, "line 4: 'text' must be a string"),
            error("line 5: the line is not valid JSON"),
            error("line 6: the line must be a JSON object"),
            error("line 7: 'id' must be a string or an integer"),
            error("line 8: the text is blank"));
  }

  @Test
  void csvFollowsRfc4180Quoting() throws IOException {
    String content =
        "Text,ID,other\r\n\"a, \"\"quoted\"\" one\",1,x\n\"two\nlines\",2,y\n\nplain,,z\n";
    assertThat(parse(new CsvParser(), content))
        .containsExactly(
            text("1", "a, \"quoted\" one"), text("2", "two\nlines"), text(null, "plain"));
  }

  @Test
  void csvRecordsThatCannotBeReadBecomeErrorsNamingTheirLine() throws IOException {
    String content =
        "id,text\n1,good\n2,\"closed\"junk\n3,a,extra\nlonely\n4,\"never closed\nstill open";
    assertThat(parse(new CsvParser(), content))
        .containsExactly(
            text("1", "good"),
            new Item("2", null, "line 3: a quoted field is followed by other characters"),
            new Item("3", null, "line 4: the record has 3 fields but the header has 2"),
            new Item("lonely", null, "line 5: the record has 1 field but the header has 2"),
            new Item("4", null, "line 6: a quoted field is not closed"));
  }

  @Test
  void anOverlongLineInAQuotedFieldEndsItsRecordOnlyWhereTheQuoteCloses() throws IOException {
    String content =
        "text,id\n\"intro\n" + "a".repeat(70_000) + "\nwonderful film\",x1\nnext good row,x2\n";
    assertThat(parse(new CsvParser(), content))
        .containsExactly(
            new Item("x1", null, "line 2: line 3 is longer than " + MAX_LINE_BYTES + " bytes"),
            text("x2", "next good row"));
  }

  @Test
  void quotesInTheCutOffPartOfALineStillCount() throws IOException {
    String tooLong = "line 2: the line is longer than " + MAX_LINE_BYTES + " bytes";
    // An escaped quote past the cut: the field stays open until line 3.
    String escaped = "id,text\n1,\"" + "a".repeat(5000) + "\"\" more\nend\"\n2,good\n";
    // An escaped quote split by the cut: one quote before it, one after.
    String split = "id,text\n1,\"" + "a".repeat(MAX_LINE_BYTES - 4) + "\"\" more\nend\"\n2,good\n";
    // A closing quote past the cut: the record ends with its line (CRLF, multi-byte text).
    String closed = "id,text\r\n1,\"" + "\u00e9".repeat(3000) + "\"\r\n2,good\r\n";
    for (String content : List.of(escaped, split, closed)) {
      stored.clear();
      assertThat(parse(new CsvParser(), content))
          .containsExactly(new Item("1", null, tooLong), text("2", "good"));
    }
  }

  @Test
  void aQuoteNeverClosedIsOneErrorWhateverTheLinesAfterIt() throws IOException {
    String content = "id,text\n1,good\n2,\"open\n" + "a".repeat(5000) + "\"\"\nmore\n3,lost\n";
    assertThat(parse(new CsvParser(), content))
        .containsExactly(
            text("1", "good"), new Item("2", null, "line 3: a quoted field is not closed"));
  }

  @Test
  void csvWithoutATextColumnIsRefusedAsAWhole() {
    assertThatThrownBy(() -> parse(new CsvParser(), "\nid,comment\n1,good\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("'text'");
    assertThatThrownBy(() -> parse(new CsvParser(), "")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> parse(new CsvParser(), "text,TEXT\na,b\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("two 'text' columns");
  }

  @Test
  void jsonItemsKeepIdsAndReportBlankOrLongTextsPerItem() throws IOException {
    String content =
        """
        {"meta": {"ignored": [1, 2]}, "items": [
          {"id": "a", "text": "good"},
          {"text": "no id", "note": null},
          {"id": 42, "text": " "},
          {"id": null, "text": "this text is longer than twenty"}
        ]}
        """;
    assertThat(parse(new JsonDocumentParser(JsonMapper.shared()), content))
        .containsExactly(
            text("a", "good"),
            text(null, "no id"),
            new Item("42", null, "items[2]: the text is blank"),
            error("items[3]: the text is longer than 20 characters"));
  }

  /**
   * The submission reads what a parser leaves to finish the content's hash, so a parser must not
   * close the stream it was handed; an uploaded file's stream fails on any read after close.
   */
  @ParameterizedTest
  @ValueSource(strings = {"JSON", "CSV", "NDJSON", "TEXT"})
  void parsersLeaveTheStreamOpenForTheCaller(UploadFormat format) throws IOException {
    ItemParser parser =
        switch (format) {
          case JSON -> new JsonDocumentParser(JsonMapper.shared());
          case CSV -> new CsvParser();
          case NDJSON -> new NdjsonParser(JsonMapper.shared());
          case TEXT -> new TextParser();
        };
    String content =
        switch (format) {
          case JSON -> "{\"texts\": [\"nice\"]}\n";
          case CSV -> "text\nnice\n";
          case NDJSON -> "{\"text\": \"nice\"}\n";
          case TEXT -> "nice\n";
        };
    boolean[] closed = {false};
    InputStream in =
        new FilterInputStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    ItemSink sink = new ItemSink(100, 20, 3, (first, batch) -> stored.addAll(batch));

    parser.parse(in, sink);

    assertThat(closed[0]).as("the stream was closed by the parser").isFalse();
    in.transferTo(OutputStream.nullOutputStream());
    assertThat(sink.finish()).isEqualTo(1);
    assertThat(stored).containsExactly(text(null, "nice"));
  }

  @Test
  void jsonSyntaxErrorsNameTheirPosition() {
    assertThatThrownBy(
            () -> parse(new JsonDocumentParser(JsonMapper.shared()), "{\"texts\": [\"a\",\n}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void aRepeatedKeyIsNamedAsSuch() {
    // Duplicate detection is on in the service's own mapper (SystemConfiguration).
    JsonMapper strict =
        JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    assertThatThrownBy(
            () ->
                parse(
                    new JsonDocumentParser(strict),
                    "{\"items\":[{\"text\":\"a\",\"text\":\"b\"}]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("The request body has the same key twice in one object (line 1, column 29)");
  }

  @Test
  void aSinkRefusesMoreItemsThanTheLimitAndHandsOnBatches() {
    List<Integer> firsts = new ArrayList<>();
    ItemSink sink = new ItemSink(4, 20, 2, (first, batch) -> firsts.add(first));
    for (int i = 0; i < 4; i++) {
      sink.text("texts[" + i + "]", null, "t" + i);
    }
    assertThatThrownBy(() -> sink.text("texts[4]", null, "t4"))
        .isInstanceOf(TooManyItemsException.class);
    assertThat(firsts).containsExactly(0, 2);
  }

  @Test
  void idsAndNulCharactersAreChecked() {
    List<Item> items = new ArrayList<>();
    ItemSink sink = new ItemSink(10, 20, 10, (first, batch) -> items.addAll(batch));
    sink.text("line 1", "x".repeat(ItemSink.MAX_ID_LENGTH + 1), "good");
    sink.text("line 2", "b", "nul\0here");
    sink.finish();
    assertThat(items)
        .containsExactly(
            error("line 1: 'id' is longer than 256 characters"),
            error("line 2: the item contains a NUL character"));
  }
}
