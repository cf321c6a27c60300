package dev.sentiment.web;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Cross-cutting web plumbing: request ids, strict JSON reading, what metrics may say. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    FilterRegistrationBean<RequestIdFilter> registration =
        new FilterRegistrationBean<>(new RequestIdFilter());
    registration.setOrder(FilterOrder.REQUEST_ID.order());
    return registration;
  }

  /**
   * Whoever can scrape {@code /actuator/prometheus} should learn no file path (the disk-space
   * metrics' {@code path}) and no class name (the startup-time metrics' main class) from it.
   */
  @Bean
  MeterFilter noInternalsInMetricTags() {
    return MeterFilter.ignoreTags("path", "main.application.class");
  }

  /** Strict JSON reading for every body the service parses. */
  @Bean
  JsonMapperBuilderCustomizer strictJson() {
    return StrictJson::apply;
  }
}
