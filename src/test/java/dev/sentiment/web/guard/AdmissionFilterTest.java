package dev.sentiment.web.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentiment.web.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class AdmissionFilterTest {

  private final AtomicInteger passedOn = new AtomicInteger();
  private final FilterChain chain = (request, response) -> passedOn.incrementAndGet();

  private MockHttpServletResponse run(AdmissionCheck check) throws Exception {
    AdmissionFilter filter =
        new AdmissionFilter(List.of(check), new ProblemWriter(JsonMapper.shared()));
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/analyze");
    request.setContent("{not even read".getBytes(StandardCharsets.UTF_8));
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, chain);
    return response;
  }

  @Test
  void refusesWith503RetryAfterAndTheOverloadedProblemWithoutGoingFurther() throws Exception {
    MockHttpServletResponse response = run(request -> Optional.of(Duration.ofSeconds(4)));

    assertThat(passedOn).hasValue(0);
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("4");
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("\"type\":\"urn:sentiment:problem:overloaded\"", "\"status\":503", "/analyze")
        .doesNotContain("Exception");
  }

  @Test
  void letsRequestsThroughWhileEveryCheckHasRoom() throws Exception {
    MockHttpServletResponse response = run(request -> Optional.empty());

    assertThat(passedOn).hasValue(1);
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeader("Retry-After")).isNull();
  }
}
