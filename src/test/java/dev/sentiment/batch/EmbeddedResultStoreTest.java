package dev.sentiment.batch;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The result listing on an in-memory HSQLDB with the embedded database's migrations. */
class EmbeddedResultStoreTest extends ResultStoreContract {

  @Override
  DataSource dataSource() {
    return new DriverManagerDataSource(
        "jdbc:hsqldb:mem:results-" + UUID.randomUUID() + ";hsqldb.tx=mvcc", "SA", "");
  }

  @Override
  String vendor() {
    return "hsqldb";
  }
}
