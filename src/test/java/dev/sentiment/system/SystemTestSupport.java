package dev.sentiment.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Brings the cross-cutting web plumbing (filters, strict JSON) and a meter registry into slice
 * tests.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SystemConfiguration.class, PendingAnswerConfiguration.class, ProblemErrorController.class})
public class SystemTestSupport {

  /** Slices have no metrics auto-configuration; features still count what they do. */
  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }
}
