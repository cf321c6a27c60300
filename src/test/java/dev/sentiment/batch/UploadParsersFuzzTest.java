package dev.sentiment.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sentiment.web.problem.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes the upload parsers (CSV, NDJSON, plain text, JSON document): whatever the bytes, a parser
 * either reads items or refuses the document with a client error; every item is either a readable
 * text within the limits or an error naming where it came from; no other exception escapes and no
 * message names a Java type. The first byte picks the format. Seeds run in every build (regression
 * mode); {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=UploadParsersFuzzTest} fuzzes for real.
 */
@Tag("fuzz")
class UploadParsersFuzzTest {

  private static final int MAX_TEXT = 200;
  private static final ItemParser[] PARSERS = {
    new CsvParser(),
    new NdjsonParser(JsonMapper.shared()),
    new TextParser(),
    new JsonDocumentParser(JsonMapper.shared())
  };

  @FuzzTest(maxDuration = "30s")
  void parsersReadItemsOrRefuseCleanly(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    ItemParser parser = PARSERS[Byte.toUnsignedInt(input[0]) % PARSERS.length];
    List<Item> items = new ArrayList<>();
    ItemSink sink = new ItemSink(1000, MAX_TEXT, 64, (first, batch) -> items.addAll(batch));
    try {
      parser.parse(new ByteArrayInputStream(Arrays.copyOfRange(input, 1, input.length)), sink);
      sink.finish();
    } catch (InvalidInputException | TooManyItemsException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("java.", "Exception", "tools.jackson");
      return;
    }
    for (Item item : items) {
      if (item.error() == null) {
        assertThat(item.text())
            .isNotBlank()
            .hasSizeLessThanOrEqualTo(MAX_TEXT)
            .doesNotContain("\0");
      } else {
        assertThat(item.text()).isNull();
        assertThat(item.error()).contains(": ").doesNotContain("java.", "Exception");
      }
      if (item.id() != null) {
        assertThat(item.id()).hasSizeLessThanOrEqualTo(ItemSink.MAX_ID_LENGTH);
      }
    }
  }
}
