package dev.sentiment.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The statuses the container's error dispatches are answered with. */
class ProblemErrorControllerTest {

  private final ProblemErrorController controller = new ProblemErrorController();

  private ResponseEntity<ProblemDetail> error(MockHttpServletRequest request) {
    MockHttpServletResponse response = new MockHttpServletResponse();
    ResponseEntity<ProblemDetail> answer = controller.error(request, response);
    assertThat(response.getHeader("X-Request-Id")).isNotBlank();
    return answer;
  }

  @Test
  void aQueryStringAFilterCouldNotDecodeIsTheClientsMistake() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
    request.setAttribute(
        RequestDispatcher.ERROR_EXCEPTION, new InvalidParameterException("decoding failed"));
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/analyze");

    ResponseEntity<ProblemDetail> answer = error(request);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().getTitle()).isEqualTo("Invalid request");
    assertThat(answer.getBody().getInstance()).hasToString("/analyze");
  }

  @Test
  void anyOtherErrorKeepsItsStatus() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 405);

    ResponseEntity<ProblemDetail> answer = error(request);

    assertThat(answer.getStatusCode().value()).isEqualTo(405);
    assertThat(answer.getBody().getDetail())
        .isEqualTo("This path does not take this method; the Allow header lists the ones it does");
  }

  @Test
  void askingForTheErrorPathItselfFindsNothing() {
    assertThat(error(new MockHttpServletRequest("GET", "/error")).getStatusCode().value())
        .isEqualTo(404);
  }
}
