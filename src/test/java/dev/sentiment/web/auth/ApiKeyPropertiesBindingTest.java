package dev.sentiment.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * API keys given as environment variables reach the map, in the form the Kubernetes manifests use:
 * the form with an underscore between API and KEYS once bound nothing, silently leaving keys off.
 */
class ApiKeyPropertiesBindingTest {

  private static final String PREFIX = "SENTIMENT_SECURITY_APIKEYS_";

  private static ApiKeyProperties bind(Map<String, Object> environment) {
    MutablePropertySources sources = new MutablePropertySources();
    // Boot reads a source with this name by the rules of environment variables.
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
    return new Binder(ConfigurationPropertySources.from(sources))
        .bind("sentiment.security", ApiKeyProperties.class)
        .orElseGet(() -> new ApiKeyProperties(null));
  }

  @Test
  void anEnvironmentVariableWithThePrefixBindsAKey() {
    ApiKeyProperties properties = bind(Map.of(PREFIX + "prometheus", "s3cret"));
    assertThat(properties.apiKeys()).containsExactly(Map.entry("prometheus", "s3cret"));
    assertThat(properties.enabled()).isTrue();
  }

  @Test
  void theFormWithAnUnderscoreBetweenApiAndKeysBindsNothing() {
    assertThat(bind(Map.of("SENTIMENT_SECURITY_API_KEYS_PROMETHEUS", "s3cret")).enabled())
        .isFalse();
  }

  @Test
  void namesAreLowerCased() {
    assertThat(bind(Map.of(PREFIX + "REPORTING", "k")).apiKeys()).containsOnlyKeys("reporting");
  }

  @Test
  void refusesTheNameThatOwnsJobsSubmittedWithKeysOff() {
    assertThatThrownBy(() -> bind(Map.of(PREFIX + "ANONYMOUS", "k")))
        .rootCause()
        .hasMessageContaining("'anonymous' is reserved");
    assertThatThrownBy(() -> new ApiKeyProperties(Map.of("anonymous", "k")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theKubernetesDeploymentUsesThatPrefix() throws Exception {
    assertThat(Files.readString(Path.of("deploy/kubernetes/deployment.yaml")))
        .contains("prefix: " + PREFIX)
        .doesNotContain("name: SENTIMENT_SECURITY_API_KEYS");
  }
}
