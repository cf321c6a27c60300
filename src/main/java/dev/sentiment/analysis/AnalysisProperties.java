package dev.sentiment.analysis;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of {@code POST /analyze} ({@code sentiment.analysis.*}).
 *
 * @param timeout the server's deadline for one answer; a client may ask for a shorter one with
 *     {@code timeout_ms}, never a longer one. It covers every text of a request.
 * @param maxTexts the most texts one request may send in {@code texts}; more is a 413 (HF TEI's
 *     default client batch is 32, AWS Comprehend's 25: 64 leaves room while one request's texts
 *     still fit in the queue beside others')
 */
@Validated
@ConfigurationProperties("sentiment.analysis")
record AnalysisProperties(
    @DefaultValue("5s") @NotNull Duration timeout, @DefaultValue("64") @Min(1) int maxTexts) {}
