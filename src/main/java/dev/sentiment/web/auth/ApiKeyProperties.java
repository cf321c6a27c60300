package dev.sentiment.web.auth;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API keys ({@code sentiment.security.*}).
 *
 * @param apiKeys key name to secret, e.g. {@code sentiment.security.api-keys.reporting=...} or the
 *     environment variable {@code SENTIMENT_SECURITY_APIKEYS_REPORTING} (for a map the dash is
 *     dropped, not made an underscore: {@code SENTIMENT_SECURITY_API_KEYS_REPORTING} binds nothing;
 *     the name after the prefix is lower-cased, and an underscore in it becomes a dot). Empty (the
 *     default) turns API keys off. When set, every endpoint but the health probes needs {@code
 *     Authorization: Bearer <secret>} or {@code X-API-Key: <secret>}, and the key's name is the
 *     caller that owns batch jobs.
 */
@ConfigurationProperties("sentiment.security")
public record ApiKeyProperties(Map<String, String> apiKeys) {

  /** Applies the default that annotations cannot express, and refuses the reserved name. */
  public ApiKeyProperties {
    apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
    if (apiKeys.containsKey(Caller.ANONYMOUS)) {
      // Jobs submitted while keys were off belong to this name: a key with it would own them all.
      throw new IllegalArgumentException(
          "The API key name '" + Caller.ANONYMOUS + "' is reserved; choose another name");
    }
  }

  /** Whether requests must present a key. */
  public boolean enabled() {
    return !apiKeys.isEmpty();
  }
}
