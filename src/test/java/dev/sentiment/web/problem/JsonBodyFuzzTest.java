package dev.sentiment.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sentiment.web.StrictJson;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes request-body reading with the service's strict JSON settings: whatever the bytes, reading
 * either yields a body or an error whose client-facing description names no Java type, library or
 * internal detail. Runs its seed corpus in the normal build (regression mode); {@code JAZZER_FUZZ=1
 * ./mvnw test -Dtest=JsonBodyFuzzTest} fuzzes for real.
 */
@Tag("fuzz")
class JsonBodyFuzzTest {

  record Body(String text) {}

  private static final JsonMapper MAPPER = strictMapper();

  private static JsonMapper strictMapper() {
    JsonMapper.Builder builder = JsonMapper.builder();
    StrictJson.apply(builder);
    return builder.build();
  }

  @FuzzTest(maxDuration = "30s")
  void readingNeverLeaksInternals(byte[] input) {
    try {
      Body body = MAPPER.readValue(input, Body.class);
      assertThat(body).isNotNull();
    } catch (JacksonException e) {
      HttpInputMessage message =
          new HttpInputMessage() {
            @Override
            public java.io.InputStream getBody() {
              return new ByteArrayInputStream(input);
            }

            @Override
            public HttpHeaders getHeaders() {
              return new HttpHeaders();
            }
          };
      String detail =
          BodyErrors.describe(new HttpMessageNotReadableException("unreadable", e, message));
      assertThat(detail)
          .isNotBlank()
          .doesNotContain("java.", "tools.jackson", "Exception", "dev.sentiment", "\tat ");
    }
  }
}
