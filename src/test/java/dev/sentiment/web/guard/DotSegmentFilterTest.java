package dev.sentiment.web.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which raw paths count as having dot segments. */
class DotSegmentFilterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/actuator/health/../env",
        "/actuator/health/./model",
        "/a/..",
        "/a/.",
        "/./a",
        "/a/%2e%2E/b",
        "/a/%2e/b",
        "/a/..;x=1/b"
      })
  void findsDotSegments(String path) {
    assertThat(DotSegmentFilter.hasDotSegment(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/analyze",
        "/analyze_batch/6f1c/results",
        "/",
        "/swagger-ui.html",
        "/a/.well-known/b",
        "/a/...",
        "/a/..b",
        "/v3/api-docs",
        "/a/%2e%2e%2e"
      })
  void leavesOrdinaryPathsAlone(String path) {
    assertThat(DotSegmentFilter.hasDotSegment(path)).isFalse();
  }
}
