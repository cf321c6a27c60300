package dev.sentiment.analysis;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer of {@code POST /analyze} to several texts: one result per text, in order. A text that
 * cannot be classified (blank, nothing the model can read, the model failed on it) fails alone, as
 * a {@link TextFailure}.
 *
 * @param model the name of the model that answered
 * @param results an {@link AnalyzeResponse} or a {@link TextFailure} per text
 */
record AnalyzeListResponse(
    @Schema(example = "sentiment-en") String model,
    @ArraySchema(schema = @Schema(oneOf = {AnalyzeResponse.class, TextFailure.class}))
        List<Object> results) {

  /**
   * A text that could not be classified.
   *
   * @param error what went wrong, with the fields of a problem (RFC 9457)
   */
  record TextFailure(Error error) {

    /**
     * @param type the problem type URN, as a whole request's problem would have it
     * @param title the type's fixed title
     * @param status the status this text alone would have got
     * @param detail what is wrong with this text
     */
    record Error(String type, String title, int status, String detail) {}
  }
}
