package dev.sentiment.analysis;

import dev.sentiment.web.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code POST /analyze}: one text, or several. Exactly one of the two fields is given;
 * both, neither, an empty list or a list item that is not a string is a 400 naming the field (and
 * the index).
 *
 * @param text one text to classify, of any length
 * @param texts several texts, answered in order
 */
@Schema(oneOf = {AnalyzeRequest.OneText.class, AnalyzeRequest.SeveralTexts.class})
record AnalyzeRequest(String text, List<String> texts) {

  /** The texts to classify; the list is what a single {@code text} asks for as well. */
  List<String> checked(int maxTexts) {
    if (text != null && texts != null) {
      throw new InvalidInputException("Send either 'text' or 'texts', not both");
    }
    if (texts == null) {
      if (text == null) {
        throw new InvalidInputException(
            "'text' (a string) or 'texts' (a list of strings) is required");
      }
      if (text.isBlank()) {
        throw new InvalidInputException("'text' must not be blank");
      }
      return List.of(text);
    }
    if (texts.isEmpty()) {
      throw new InvalidInputException("'texts' must hold at least one text");
    }
    if (texts.size() > maxTexts) {
      throw new TooManyTextsException(texts.size(), maxTexts);
    }
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null) {
        throw new InvalidInputException("'texts[" + i + "]' must be a string");
      }
    }
    return texts;
  }

  /** Whether the answer is the list form. */
  boolean several() {
    return texts != null;
  }

  /** One text: answered with its result. */
  @Schema(name = "OneText", requiredProperties = "text")
  record OneText(
      @Schema(
              description = "Text to classify, of any length",
              example = "I didn't expect to like it, but I loved it.")
          String text) {}

  /** Several texts: answered with a list of results in the same order. */
  @Schema(name = "SeveralTexts", requiredProperties = "texts")
  record SeveralTexts(
      @Schema(
              description = "Texts to classify, 1 to sentiment.analysis.max-texts (64)",
              example = "[\"Loved it\", \"Never again.\"]")
          List<String> texts) {}
}
