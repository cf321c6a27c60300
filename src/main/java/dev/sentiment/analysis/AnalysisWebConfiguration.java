package dev.sentiment.analysis;

import dev.sentiment.inference.Deadline;
import dev.sentiment.inference.InferenceEngine;
import dev.sentiment.web.Arrival;
import dev.sentiment.web.guard.AdmissionCheck;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Web plumbing of {@code /analyze}: a request the engine would refuse is refused before any work.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalysisProperties.class)
class AnalysisWebConfiguration {

  private final AnalysisProperties properties;
  private final InferenceEngine engine;

  AnalysisWebConfiguration(AnalysisProperties properties, InferenceEngine engine) {
    this.properties = properties;
    this.engine = engine;
  }

  /**
   * {@code POST /analyze} is refused while the engine would refuse it anyway (its interactive lane
   * is full, or the texts waiting would keep a new one past the server's deadline), before its body
   * is read, parsed or tokenized and before Spring MVC runs. It asks the engine's own admission
   * rule with the longest deadline the request may have, the server's, so it refuses only what no
   * {@code timeout_ms} could save.
   */
  @Bean
  AdmissionCheck analyzeAdmission() {
    return request ->
        "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/analyze")
            ? engine.refusal(Deadline.after(Arrival.nanos(request), properties.timeout()))
            : Optional.empty();
  }
}
