package dev.sentiment.web.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentiment.web.problem.ProblemWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ContentEncodingFilterTest {

  private final AtomicInteger passedOn = new AtomicInteger();

  private MockHttpServletResponse post(String... encodings) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/analyze_batch");
    request.setContentType("application/json");
    for (String encoding : encodings) {
      request.addHeader("Content-Encoding", encoding);
    }
    request.setContent("{\"texts\":[\"fine\"]}".getBytes(StandardCharsets.UTF_8));
    MockHttpServletResponse response = new MockHttpServletResponse();
    new ContentEncodingFilter(new ProblemWriter(JsonMapper.shared()))
        .doFilter(request, response, (req, res) -> passedOn.incrementAndGet());
    return response;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "deflate", "br", "GZIP", "identity, gzip", "x-custom"})
  void refusesACodedBodyWith415BeforeAnythingReadsIt(String encoding) throws Exception {
    MockHttpServletResponse response = post(encoding);

    assertThat(passedOn).hasValue(0);
    assertThat(response.getStatus()).isEqualTo(415);
    assertThat(response.getHeader("Accept-Encoding")).isEqualTo("identity");
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("urn:sentiment:problem:unsupported-media-type", "Content-Encoding");
  }

  @ParameterizedTest
  @ValueSource(strings = {"identity", "Identity", ""})
  void letsAnUncodedBodyThrough(String encoding) throws Exception {
    MockHttpServletResponse response = post(encoding);

    assertThat(passedOn).hasValue(1);
    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void ignoresTheHeaderOnARequestWithoutABody() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/analyze_batch/x");
    request.addHeader("Content-Encoding", "gzip");
    MockHttpServletResponse response = new MockHttpServletResponse();
    new ContentEncodingFilter(new ProblemWriter(JsonMapper.shared()))
        .doFilter(request, response, (req, res) -> passedOn.incrementAndGet());

    assertThat(passedOn).hasValue(1);
  }

  @Test
  void letsABodyWithoutTheHeaderThrough() throws Exception {
    post();

    assertThat(passedOn).hasValue(1);
  }
}
