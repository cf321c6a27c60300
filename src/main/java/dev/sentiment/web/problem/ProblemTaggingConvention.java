package dev.sentiment.web.problem;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Adds a {@code problem} tag to {@code http.server.requests}: the problem type slug an answer
 * carried ({@code overloaded}, {@code deadline-exceeded}, ...), or {@code none}. Status alone does
 * not tell a full queue (503 {@code overloaded}) from a model still loading (503 {@code
 * model-not-ready}), and operators page on the first, not the second.
 *
 * <p>The slug is what {@link ProblemWriter} and the problem advice record on the request, so
 * answers refused by a filter before Spring MVC are tagged too. Low cardinality: one value per
 * {@link Problems} constant.
 */
final class ProblemTaggingConvention extends DefaultServerRequestObservationConvention {

  static final String TAG = "problem";

  @Override
  public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
    Object slug = context.getCarrier().getAttribute(Problems.ATTRIBUTE);
    return super.getLowCardinalityKeyValues(context)
        .and(KeyValue.of(TAG, slug == null ? "none" : slug.toString()));
  }
}
