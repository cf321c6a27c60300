package dev.sentiment.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** {@code http.server.requests} says which problem an answer carried, wherever it was written. */
class ProblemTaggingConventionTest {

  private static String problemTag(MockHttpServletRequest request) {
    MockHttpServletResponse response = new MockHttpServletResponse();
    ServerRequestObservationContext context =
        new ServerRequestObservationContext(request, response);
    return new ProblemTaggingConvention()
        .getLowCardinalityKeyValues(context).stream()
            .filter(kv -> kv.getKey().equals(ProblemTaggingConvention.TAG))
            .map(KeyValue::getValue)
            .findFirst()
            .orElseThrow();
  }

  @Test
  void anAnswerWithoutAProblemIsTaggedNone() {
    assertThat(problemTag(new MockHttpServletRequest("POST", "/analyze"))).isEqualTo("none");
  }

  @Test
  void aProblemWrittenByAFilterTagsItsAnswer() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/analyze");
    new ProblemWriter(tools.jackson.databind.json.JsonMapper.shared())
        .write(request, new MockHttpServletResponse(), StandardDetails.overloaded());

    assertThat(problemTag(request)).isEqualTo("overloaded");
  }
}
