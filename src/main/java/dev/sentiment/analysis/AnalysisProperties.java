package dev.sentiment.analysis;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of {@code POST /analyze} ({@code sentiment.analysis.*}).
 *
 * @param timeout the server's deadline for one answer; a client may ask for a shorter one with
 *     {@code timeout_ms}, never a longer one
 */
@Validated
@ConfigurationProperties("sentiment.analysis")
record AnalysisProperties(@DefaultValue("5s") @NotNull Duration timeout) {}
