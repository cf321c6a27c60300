package dev.sentiment.web.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerMapping;

class AcceptQualityInterceptorTest {

  private static boolean preHandle(String accept) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/analyze");
    request.addHeader("Accept", accept);
    request.setAttribute(
        HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE, Set.of(MediaType.APPLICATION_JSON));
    return new AcceptQualityInterceptor()
        .preHandle(request, new MockHttpServletResponse(), new Object());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json;q=0",
        "application/json;Q=0.000",
        "*/*;q=0",
        "image/png, */*;q=0",
        "application/*;q=0, text/html",
        "application/json;q=0, */*;q=1"
      })
  void refusesWith406WhenJsonWeighsNothing(String accept) {
    assertThatThrownBy(() -> preHandle(accept))
        .isInstanceOf(HttpMediaTypeNotAcceptableException.class)
        .satisfies(
            e ->
                assertThat(((HttpMediaTypeNotAcceptableException) e).getSupportedMediaTypes())
                    .containsExactly(MediaType.APPLICATION_JSON));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "*/*",
        "application/json;q=0.5",
        "text/html;q=0, application/json",
        "*/*;q=0, application/json;q=0.1",
        "application/*;q=0, application/json"
      })
  void letsThroughWhenJsonWeighsSomething(String accept) throws Exception {
    assertThat(preHandle(accept)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json;q=0", "text/csv;q=0"})
  void leavesRoutesWithoutDeclaredTypesAlone(String accept) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/no/declared/types");
    request.addHeader("Accept", accept);

    assertThat(
            new AcceptQualityInterceptor()
                .preHandle(request, new MockHttpServletResponse(), new Object()))
        .isTrue();
  }
}
