package dev.sentiment.web.problem;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationConvention;

/** Errors answered before any servlet runs are problem+json too, and every answer's is counted. */
@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

  /** {@code http.server.requests} tagged with the problem type of each answer. */
  @Bean
  ServerRequestObservationConvention problemTaggingConvention() {
    return new ProblemTaggingConvention();
  }

  /** Tomcat's own error answers (a malformed request line, a header too large). */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory ->
        factory.addContextCustomizers(
            context ->
                ((StandardHost) context.getParent())
                    .setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
  }
}
