package dev.sentiment.web.guard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Honours {@code q=0} in {@code Accept}. Spring MVC matches a route's {@code produces} by media
 * range alone, so {@code Accept: application/json;q=0} (JSON explicitly refused) or {@code
 * image/png, *}{@code /*;q=0} still got JSON. Here a route's types are weighed by the most specific
 * range that names each (RFC 9110, 12.5.1); when every one of them weighs 0 the answer is 406, as
 * for an {@code Accept} naming none of them.
 */
class AcceptQualityInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws HttpMediaTypeNotAcceptableException {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    // Most requests name no zero weight: they need no parsing (nor a lower-cased copy) here.
    if (accept == null || (!accept.contains("q=0") && !accept.contains("Q=0"))) {
      return true;
    }
    if (!(request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE)
        instanceof Set<?> producible)) {
      return true;
    }
    List<MediaType> ranges;
    try {
      ranges = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      return true; // Spring MVC has already answered an unparseable Accept with 406
    }
    for (Object type : producible) {
      if (type instanceof MediaType media && quality(ranges, media) > 0) {
        return true;
      }
    }
    throw new HttpMediaTypeNotAcceptableException(
        producible.stream().map(MediaType.class::cast).toList());
  }

  /** The weight of {@code type}: that of the most specific range including it, else 0. */
  static double quality(List<MediaType> ranges, MediaType type) {
    MediaType best = null;
    for (MediaType range : ranges) {
      if (range.includes(type) && (best == null || specificity(range) > specificity(best))) {
        best = range;
      }
    }
    return best == null ? 0 : best.getQualityValue();
  }

  /** {@code *}{@code /*} below {@code type/*} below {@code type/subtype}, then more parameters. */
  private static int specificity(MediaType range) {
    int level = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
    int parameters = range.getParameters().size() - (range.getParameter("q") == null ? 0 : 1);
    return level * 100 + parameters;
  }
}
