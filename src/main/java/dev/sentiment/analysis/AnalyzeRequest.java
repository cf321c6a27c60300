package dev.sentiment.analysis;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/**
 * The body of {@code POST /analyze}.
 *
 * @param text the text to classify; longer than the model's maximum, it is truncated
 */
record AnalyzeRequest(
    @Schema(
            description = "Text to classify",
            example = "I didn't expect to like it, but I loved it.")
        @NotBlank
        String text) {}
