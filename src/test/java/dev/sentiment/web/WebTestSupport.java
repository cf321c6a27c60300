package dev.sentiment.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * Brings the cross-cutting web plumbing (filters, problems, pending answers, strict JSON) and a
 * meter registry into slice tests: everything under {@code dev.sentiment.web}, as the application
 * has it.
 */
@TestConfiguration(proxyBeanMethods = false)
@ComponentScan("dev.sentiment.web")
public class WebTestSupport {

  /** Slices have no metrics auto-configuration; features still count what they do. */
  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }
}
