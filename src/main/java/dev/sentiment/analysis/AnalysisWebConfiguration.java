package dev.sentiment.analysis;

import dev.sentiment.inference.InferenceEngine;
import dev.sentiment.system.AdmissionCheck;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.DeferredResultProcessingInterceptor;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web plumbing of {@code /analyze}: a request the engine would refuse is refused before any work,
 * Spring MVC's own async timeout is set past the longest deadline so ours always fires first, and a
 * request that ends without an answer (the client went away) cancels its work so it is never
 * computed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalysisProperties.class)
class AnalysisWebConfiguration implements WebMvcConfigurer {

  private static final Duration MVC_TIMEOUT_MARGIN = Duration.ofSeconds(5);

  private final AnalysisProperties properties;
  // Looked up once, on first use: other features' web slices load this configuration without an
  // engine, and the admission check runs on every request.
  private final Supplier<InferenceEngine> engine;

  AnalysisWebConfiguration(AnalysisProperties properties, ObjectProvider<InferenceEngine> engine) {
    this.properties = properties;
    this.engine = SingletonSupplier.of(engine::getObject);
  }

  @Override
  public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
    configurer.setDefaultTimeout(properties.timeout().plus(MVC_TIMEOUT_MARGIN).toMillis());
    configurer.registerDeferredResultInterceptors(new CancelOnDisconnect());
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
            ? engine.get().refusal(properties.timeout())
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

  /**
   * Cancels the work behind an answer whose request failed while waiting, which is how the servlet
   * container reports a client that closed its connection.
   */
  static final class CancelOnDisconnect implements DeferredResultProcessingInterceptor {

    /** The request attribute holding the pending answer's future. */
    static final String PENDING = CancelOnDisconnect.class.getName() + ".pending";

    @Override
    public <T> boolean handleError(
        NativeWebRequest request, DeferredResult<T> result, Throwable t) {
      if (request.getAttribute(PENDING, NativeWebRequest.SCOPE_REQUEST)
          instanceof CompletableFuture<?> pending) {
        pending.cancel(false);
      }
      return true;
    }
  }
}
