package dev.sentiment.web.auth;

import dev.sentiment.web.FilterOrder;
import dev.sentiment.web.problem.ProblemWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** API keys: the filter is registered always and enabled only when keys are configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiKeyProperties.class)
class ApiKeyConfiguration {

  @Bean
  FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(
      ApiKeyProperties keys, List<OpenResources> open, ProblemWriter problems) {
    Set<String> paths = new HashSet<>();
    open.forEach(resources -> paths.addAll(resources.paths()));
    FilterRegistrationBean<ApiKeyFilter> registration =
        new FilterRegistrationBean<>(
            new ApiKeyFilter(new ApiKeys(keys.apiKeys()), problems, paths));
    registration.setEnabled(keys.enabled());
    registration.setOrder(FilterOrder.API_KEY.order());
    return registration;
  }
}
