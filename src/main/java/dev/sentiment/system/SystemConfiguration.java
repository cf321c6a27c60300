package dev.sentiment.system;

import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** Cross-cutting web plumbing: request ids, body limits and strict JSON reading. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WebProperties.class, SecurityProperties.class})
class SystemConfiguration {

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    FilterRegistrationBean<RequestIdFilter> registration =
        new FilterRegistrationBean<>(new RequestIdFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Right after request ids, so no endpoint ever sees a path with dot segments. */
  @Bean
  FilterRegistrationBean<DotSegmentFilter> dotSegmentFilter(JsonMapper json) {
    FilterRegistrationBean<DotSegmentFilter> registration =
        new FilterRegistrationBean<>(new DotSegmentFilter(new ProblemWriter(json)));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** Off (not registered) unless API keys are configured. */
  @Bean
  FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(SecurityProperties security, JsonMapper json) {
    FilterRegistrationBean<ApiKeyFilter> registration =
        new FilterRegistrationBean<>(
            new ApiKeyFilter(new ApiKeys(security.apiKeys()), new ProblemWriter(json)));
    registration.setEnabled(security.enabled());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  /** After request ids, outcome counting and API keys; before body limits and Spring MVC. */
  @Bean
  FilterRegistrationBean<AdmissionFilter> admissionFilter(
      List<AdmissionCheck> checks, JsonMapper json) {
    FilterRegistrationBean<AdmissionFilter> registration =
        new FilterRegistrationBean<>(new AdmissionFilter(checks, new ProblemWriter(json)));
    registration.setEnabled(!checks.isEmpty());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
    return registration;
  }

  /** Actuator's bare error statuses (an unknown health component) get a problem body. */
  @Bean
  FilterRegistrationBean<EmptyErrorBodyFilter> emptyErrorBodyFilter(JsonMapper json) {
    FilterRegistrationBean<EmptyErrorBodyFilter> registration =
        new FilterRegistrationBean<>(new EmptyErrorBodyFilter(new ProblemWriter(json)));
    registration.addUrlPatterns("/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
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

  /** Before body limits: a coded body is refused whatever its size. */
  @Bean
  FilterRegistrationBean<ContentEncodingFilter> contentEncodingFilter(JsonMapper json) {
    FilterRegistrationBean<ContentEncodingFilter> registration =
        new FilterRegistrationBean<>(new ContentEncodingFilter(new ProblemWriter(json)));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 9);
    return registration;
  }

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
      List<BodySizeLimit> limits, WebProperties properties, JsonMapper json) {
    FilterRegistrationBean<BodySizeLimitFilter> registration =
        new FilterRegistrationBean<>(
            new BodySizeLimitFilter(limits, properties.maxBodySize(), new ProblemWriter(json)));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** {@code q=0} in {@code Accept} refuses a type, which Spring MVC alone does not honour. */
  @Bean
  WebMvcConfigurer acceptQuality() {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AcceptQualityInterceptor());
      }
    };
  }

  /** Tomcat's own error answers (before any servlet runs) are problem+json too. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory ->
        factory.addContextCustomizers(
            context ->
                ((StandardHost) context.getParent())
                    .setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
  }

  /**
   * A string field gets a string: numbers and booleans are not silently turned into text, and
   * nothing may follow the JSON document.
   */
  @Bean
  JsonMapperBuilderCustomizer strictJson() {
    return builder ->
        builder
            .withCoercionConfig(
                LogicalType.Textual,
                config ->
                    config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }
}
