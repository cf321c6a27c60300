package dev.sentiment.web.guard;

import dev.sentiment.web.FilterOrder;
import dev.sentiment.web.problem.ProblemWriter;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The guards every request passes before a feature sees it; their order is {@link FilterOrder}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BodyLimitProperties.class)
class GuardConfiguration {

  @Bean
  FilterRegistrationBean<DotSegmentFilter> dotSegmentFilter(ProblemWriter problems) {
    return registered(new DotSegmentFilter(problems), FilterOrder.DOT_SEGMENTS, true);
  }

  /** Registered only when some feature declares an {@link AdmissionCheck}. */
  @Bean
  FilterRegistrationBean<AdmissionFilter> admissionFilter(
      List<AdmissionCheck> checks, ProblemWriter problems) {
    return registered(
        new AdmissionFilter(checks, problems), FilterOrder.ADMISSION, !checks.isEmpty());
  }

  /** Actuator's bare error statuses (an unknown health component) get a problem body. */
  @Bean
  FilterRegistrationBean<EmptyErrorBodyFilter> emptyErrorBodyFilter(ProblemWriter problems) {
    FilterRegistrationBean<EmptyErrorBodyFilter> registration =
        registered(new EmptyErrorBodyFilter(problems), FilterOrder.EMPTY_ERROR_BODY, true);
    registration.addUrlPatterns("/actuator/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<ContentEncodingFilter> contentEncodingFilter(ProblemWriter problems) {
    return registered(new ContentEncodingFilter(problems), FilterOrder.CONTENT_ENCODING, true);
  }

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
      List<BodySizeLimit> limits, BodyLimitProperties properties, ProblemWriter problems) {
    return registered(
        new BodySizeLimitFilter(limits, properties.maxBodySize(), problems),
        FilterOrder.BODY_SIZE,
        true);
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

  private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registered(
      F filter, FilterOrder order, boolean enabled) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(order.order());
    registration.setEnabled(enabled);
    return registration;
  }
}
