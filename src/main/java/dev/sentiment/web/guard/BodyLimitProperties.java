package dev.sentiment.web.guard;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Cross-cutting web settings ({@code sentiment.web.*}).
 *
 * @param maxBodySize the largest request body accepted where no feature set its own limit; larger
 *     bodies get 413
 */
@Validated
@ConfigurationProperties("sentiment.web")
public record BodyLimitProperties(@DefaultValue("1MB") @NotNull DataSize maxBodySize) {}
