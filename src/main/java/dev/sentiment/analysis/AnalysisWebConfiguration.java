package dev.sentiment.analysis;

import dev.sentiment.inference.InferenceEngine;
import dev.sentiment.system.AdmissionCheck;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Web plumbing of {@code /analyze}: a request the engine would refuse is refused before any work,
 * and every answer is counted by outcome.
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
   * is read, parsed or tokenized and before Spring MVC runs.
   */
  @Bean
  AdmissionCheck analyzeAdmission() {
    return request ->
        "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/analyze")
            ? engine.refusal(properties.timeout())
            : Optional.empty();
  }

  @Bean
  FilterRegistrationBean<AnalyzeOutcomeFilter> analyzeOutcomeFilter(MeterRegistry registry) {
    FilterRegistrationBean<AnalyzeOutcomeFilter> registration =
        new FilterRegistrationBean<>(new AnalyzeOutcomeFilter(registry));
    registration.addUrlPatterns("/analyze");
    // Outside the API-key and body-size filters, so requests refused there are counted too.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
