package dev.sentiment.batch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of its own in the PostgreSQL database named by {@code SENTIMENT_TEST_POSTGRES_URL}, so
 * test runs sharing the server do not see each other's tables; dropped when done.
 */
final class PostgresSchema {

  static final String ENV = "SENTIMENT_TEST_POSTGRES_URL";

  private final String baseUrl = System.getenv(ENV);
  private final String name = "batch_test_" + UUID.randomUUID().toString().replace("-", "");

  String name() {
    return name;
  }

  /** The JDBC URL with this schema as the current one. */
  String url() {
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
  }

  void drop() throws SQLException {
    try (Connection connection = DriverManager.getConnection(baseUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + name + " cascade");
    }
  }
}
