package dev.sentiment.batch;

import dev.sentiment.web.guard.BodySizeLimit;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web side of batch jobs: {@code /analyze_batch} accepts bodies up to {@code
 * sentiment.batch.max-upload-size}, and multipart uploads are spooled to disk from the first byte
 * (never held in memory) with the same limit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BatchProperties.class)
class BatchWebConfiguration {

  @Bean
  BodySizeLimit batchBodySizeLimit(BatchProperties properties) {
    return new BodySizeLimit(BatchController.PATH, properties.maxUploadSize());
  }

  @Bean
  MultipartConfigElement multipartConfigElement(BatchProperties properties) {
    long max = properties.maxUploadSize().toBytes();
    return new MultipartConfigElement("", max, max, 0);
  }
}
