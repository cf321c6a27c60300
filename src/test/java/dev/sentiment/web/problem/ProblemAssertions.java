package dev.sentiment.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What every error answer must look like, for the controller slice tests. */
public final class ProblemAssertions {

  private ProblemAssertions() {}

  /** Problem+json of the given type, with a detail, and no internals in the body. */
  public static void assertProblem(MvcTestResult result, String slug) throws Exception {
    assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("urn:sentiment:problem:" + slug);
    assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
    String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(body)
        .doesNotContain("Exception", "java.", "tools.jackson", "at dev.", "\tat ")
        .doesNotContainIgnoringCase("select ")
        .doesNotContain("/tmp", "/work", "batch_job", "hsqldb", "SQL");
  }
}
