package dev.sentiment.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/** How an upload's format and a result's format are chosen. */
class FormatsTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "text/csv, data.txt, CSV",
        "text/csv;charset=UTF-8, -, CSV",
        "application/x-ndjson, -, NDJSON",
        "application/jsonl, a.csv, NDJSON",
        "application/json, -, JSON",
        "text/plain, comments.csv, CSV",
        "application/octet-stream, comments.jsonl, NDJSON",
        "-, comments.NDJSON, NDJSON",
        "-, comments.json, JSON",
        "text/plain, comments, TEXT",
        "-, -, TEXT",
        "application/octet-stream, data.bin, TEXT"
      })
  void uploadFormatComesFromTypeThenExtension(String type, String name, UploadFormat expected) {
    assertThat(UploadFormat.of(type, name)).isEqualTo(expected);
  }

  @Test
  void uploadsInOtherFormatsOrEncodingsAreRefused() {
    assertThatThrownBy(() -> UploadFormat.of("application/pdf", "a.pdf"))
        .isInstanceOf(UnsupportedFormatException.class);
    assertThatThrownBy(() -> UploadFormat.of("text/csv; charset=UTF-16", "a.csv"))
        .isInstanceOf(UnsupportedFormatException.class);
    assertThatThrownBy(() -> UploadFormat.of("not a type", "a.csv"))
        .isInstanceOf(UnsupportedFormatException.class);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      delimiter = '|',
      value = {
        "-|NDJSON",
        "*/*|NDJSON",
        "text/*|CSV",
        "text/csv|CSV",
        "application/x-ndjson, text/csv|NDJSON",
        "text/csv, application/x-ndjson;q=0.9|CSV",
        "text/csv;q=0.2, */*;q=0.5|NDJSON",
        "application/json, text/csv;q=0.1|CSV"
      })
  void resultFormatFollowsAccept(String accept, ResultFormat expected) throws Exception {
    assertThat(ResultFormat.negotiate(accept)).isEqualTo(expected);
  }

  @Test
  void resultsInOtherFormatsAreNotAcceptable() {
    assertThatThrownBy(() -> ResultFormat.negotiate("application/json"))
        .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
    assertThatThrownBy(() -> ResultFormat.negotiate("text/csv;q=0"))
        .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
  }

  @Test
  void chunkIdsCarryTheirRange() {
    ChunkRef chunk = new ChunkRef(java.util.UUID.randomUUID(), 256, 512);
    assertThat(ChunkRef.parse(chunk.instanceId())).isEqualTo(chunk);
  }
}
