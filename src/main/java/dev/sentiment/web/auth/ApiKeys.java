package dev.sentiment.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configured API keys, kept only as SHA-256 digests. A presented secret is hashed and compared
 * with every digest in constant time, so neither its content nor which key it resembles leaks
 * through timing.
 */
final class ApiKeys {

  private final Map<String, byte[]> digests = new LinkedHashMap<>();

  ApiKeys(Map<String, String> secretsByName) {
    secretsByName.forEach(
        (name, secret) -> {
          if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("API key " + name + " has an empty secret");
          }
          digests.put(name, sha256(secret));
        });
  }

  /** The name of the key whose secret this is. */
  Optional<String> nameOf(String presented) {
    byte[] digest = sha256(presented);
    String match = null;
    for (Map.Entry<String, byte[]> entry : digests.entrySet()) {
      // No early exit: every key is compared, whatever matched.
      if (MessageDigest.isEqual(digest, entry.getValue())) {
        match = entry.getKey();
      }
    }
    return Optional.ofNullable(match);
  }

  private static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
