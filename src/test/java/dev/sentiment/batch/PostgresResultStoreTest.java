package dev.sentiment.batch;

import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The result listing on PostgreSQL, when {@code SENTIMENT_TEST_POSTGRES_URL} names a database;
 * skipped otherwise. Each test has a schema of its own, dropped after it.
 */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class PostgresResultStoreTest extends ResultStoreContract {

  private final PostgresSchema schema = new PostgresSchema();

  @Override
  DataSource dataSource() {
    return new DriverManagerDataSource(schema.url());
  }

  @Override
  String vendor() {
    return "postgresql";
  }

  @Override
  void configure(FluentConfiguration flyway) {
    flyway.schemas(schema.name());
  }

  @AfterEach
  void drop() throws Exception {
    schema.drop();
  }
}
