package dev.sentiment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Runs in CI on Java 17 and on Java 25, so both sides of the version check are exercised. */
class VirtualThreadsByDefaultTest {

  private static final boolean WITHOUT_PINNING = Runtime.version().feature() >= 24;

  @Test
  void switchesVirtualThreadsOnOnlyWhereSynchronizedNoLongerPinsACarrier() {
    StandardEnvironment environment = new StandardEnvironment();

    new VirtualThreadsByDefault().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(VirtualThreadsByDefault.PROPERTY))
        .isEqualTo(WITHOUT_PINNING ? "true" : null);
  }

  @Test
  void anyConfigurationOverridesTheDefault() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "application", Map.of(VirtualThreadsByDefault.PROPERTY, "false")));

    new VirtualThreadsByDefault().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(VirtualThreadsByDefault.PROPERTY)).isEqualTo("false");
  }
}
