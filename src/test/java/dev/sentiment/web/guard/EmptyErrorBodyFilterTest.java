package dev.sentiment.web.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentiment.web.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class EmptyErrorBodyFilterTest {

  private static MockHttpServletResponse run(FilterChain endpoint) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health/nothing");
    MockHttpServletResponse response = new MockHttpServletResponse();
    new EmptyErrorBodyFilter(new ProblemWriter(JsonMapper.shared()))
        .doFilter(request, response, endpoint);
    return response;
  }

  @Test
  void writesTheProblemForAnErrorFlushedWithoutABody() throws Exception {
    MockHttpServletResponse response =
        run(
            (req, res) -> {
              ((HttpServletResponse) res).setStatus(404);
              res.flushBuffer(); // what Spring MVC does with a ResponseEntity without a body
            });

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("urn:sentiment:problem:not-found", "\"instance\":\"/actuator/health/nothing\"");
  }

  @Test
  void leavesAnErrorWithItsOwnBodyAsItIs() throws Exception {
    MockHttpServletResponse response =
        run(
            (req, res) -> {
              ((HttpServletResponse) res).setStatus(503);
              res.setContentType("application/json");
              res.getWriter().write("{\"status\":\"DOWN\"}");
              res.flushBuffer();
            });

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString()).isEqualTo("{\"status\":\"DOWN\"}");
    assertThat(response.isCommitted()).isTrue();
  }

  @Test
  void flushesASuccessAtOnce() throws Exception {
    MockHttpServletResponse response =
        run(
            (req, res) -> {
              ((HttpServletResponse) res).setStatus(204);
              res.flushBuffer();
              assertThat(res.isCommitted()).isTrue();
            });

    assertThat(response.getStatus()).isEqualTo(204);
    assertThat(response.getContentAsString()).isEmpty();
  }
}
