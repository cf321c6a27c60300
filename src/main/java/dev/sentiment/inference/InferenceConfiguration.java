package dev.sentiment.inference;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Wires the inference engine, its worker pool and its health and info contributions. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InferenceProperties.class)
class InferenceConfiguration {

  /** The workers' threads; each runs one worker loop for the engine's whole life. */
  @Bean
  ThreadPoolTaskExecutor inferenceExecutor(InferenceProperties properties) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("inference-");
    executor.setCorePoolSize(properties.effectiveWorkers());
    executor.setMaxPoolSize(properties.effectiveWorkers());
    executor.setQueueCapacity(0);
    executor.setDaemon(true);
    // The engine drains its queue in its own stop(); the pool need not wait a second time.
    executor.setAcceptTasksAfterContextClose(false);
    executor.initialize();
    return executor;
  }

  @Bean
  InferenceEngine inferenceEngine(
      InferenceProperties properties,
      ResourceLoader resources,
      ThreadPoolTaskExecutor inferenceExecutor,
      MeterRegistry registry) {
    return new InferenceEngine(properties, resources, inferenceExecutor, registry);
  }

  /** Part of the readiness group: DOWN until the model is loaded, warmed up and self-tested. */
  @Bean
  HealthIndicator modelHealthIndicator(InferenceEngine engine) {
    return () -> {
      Health.Builder health = engine.ready() ? Health.up() : Health.down();
      return health.withDetail("state", engine.state().name().toLowerCase()).build();
    };
  }

  /** {@code /actuator/info}: which model answers, so operators can tell versions apart. */
  @Bean
  InfoContributor modelInfoContributor(InferenceEngine engine) {
    return builder ->
        engine
            .model()
            .ifPresent(
                model ->
                    builder.withDetail(
                        "model",
                        Map.of(
                            "name", model.name(),
                            "version", model.version(),
                            "labels", model.labels(),
                            "max_length", model.maxLength())));
  }
}
