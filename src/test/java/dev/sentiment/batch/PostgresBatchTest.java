package dev.sentiment.batch;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API contract on PostgreSQL, when {@code SENTIMENT_TEST_POSTGRES_URL} names a database (CI
 * always sets it); skipped otherwise.
 */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
class PostgresBatchTest extends BatchApiContract {

  private static final PostgresSchema SCHEMA = new PostgresSchema();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", SCHEMA::url);
    registry.add("spring.flyway.schemas", SCHEMA::name);
  }

  /** Drops the schema when the context closes, after the scheduler has stopped using it. */
  @TestConfiguration(proxyBeanMethods = false)
  static class DropSchema {
    @Bean
    DisposableBean dropSchema() {
      return SCHEMA::drop;
    }
  }
}
