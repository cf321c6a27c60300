package dev.sentiment.web;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Serves requests on virtual threads by default on Java 24 and later ({@code
 * spring.threads.virtual.enabled}, which any configuration still overrides).
 *
 * <p>Why: the kernel shares the CPU per thread. Under a flood a platform-thread pool keeps dozens
 * of request threads runnable, each as entitled to a core as one of the two inference workers, and
 * the workers, whose passes are what the flood waits for, get a fraction of the machine (measured:
 * 0.25 of 2 cores, goodput a tenth of capacity). Virtual threads run on one carrier per core, so
 * request work can never hold more CPU than that. Only from Java 24 on: before it a virtual thread
 * in a {@code synchronized} block (JDBC drivers, the embedded database) pins its carrier, and with
 * one carrier per core a few such requests would stall all the others.
 */
class VirtualThreadsByDefault implements EnvironmentPostProcessor {

  static final String PROPERTY = "spring.threads.virtual.enabled";
  private static final int FIRST_RELEASE_WITHOUT_PINNING = 24;

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (Runtime.version().feature() >= FIRST_RELEASE_WITHOUT_PINNING) {
      environment
          .getPropertySources()
          .addLast(new MapPropertySource("virtualThreadsByDefault", Map.of(PROPERTY, "true")));
    }
  }
}
