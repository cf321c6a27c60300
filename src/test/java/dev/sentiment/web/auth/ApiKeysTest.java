package dev.sentiment.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

  private final ApiKeys keys = new ApiKeys(Map.of("alice", "secret-a", "bob", "secret-b"));

  @Test
  void namesTheKeyAPresentedSecretBelongsTo() {
    assertThat(keys.nameOf("secret-a")).hasValue("alice");
    assertThat(keys.nameOf("secret-b")).hasValue("bob");
  }

  @Test
  void knowsNoOtherSecret() {
    assertThat(keys.nameOf("secret-c")).isEmpty();
    assertThat(keys.nameOf("")).isEmpty();
    assertThat(keys.nameOf("secret-a ")).isEmpty();
  }

  @Test
  void refusesAnEmptySecret() {
    assertThatThrownBy(() -> new ApiKeys(Map.of("carol", " ")))
        .hasMessageContaining("carol")
        .hasMessageContaining("empty secret");
  }
}
