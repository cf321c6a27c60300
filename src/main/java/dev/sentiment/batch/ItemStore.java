package dev.sentiment.batch;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code batch_item} table: the texts of each job by index. */
@Repository
class ItemStore {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  ItemStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Inserts items as one JDBC batch in one transaction (one durable commit, where auto-commit would
   * make one per row), numbering them from {@code firstIndex}.
   */
  void insert(UUID job, int firstIndex, List<Item> items) {
    transaction.executeWithoutResult(status -> batchInsert(job, firstIndex, items));
  }

  private void batchInsert(UUID job, int firstIndex, List<Item> items) {
    jdbc.batchUpdate(
        "insert into batch_item (job_id, idx, item_id, text, error) values (?, ?, ?, ?, ?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            Item item = items.get(i);
            ps.setObject(1, job);
            ps.setInt(2, firstIndex + i);
            ps.setString(3, item.id());
            ps.setString(4, item.text());
            ps.setString(5, item.error());
          }

          @Override
          public int getBatchSize() {
            return items.size();
          }
        });
  }

  /** The chunk's items that have no result yet, in index order. */
  List<PendingItem> pending(ChunkRef chunk) {
    return jdbc.query(
        "select i.idx, i.item_id, i.text, i.error from batch_item i where i.job_id = ?"
            + " and i.idx >= ? and i.idx < ? and not exists (select 1 from batch_result r"
            + " where r.job_id = i.job_id and r.idx = i.idx) order by i.idx",
        (rs, row) ->
            new PendingItem(
                rs.getInt(1), new Item(rs.getString(2), rs.getString(3), rs.getString(4))),
        chunk.job(),
        chunk.from(),
        chunk.to());
  }

  /**
   * An item of a chunk still to be computed.
   *
   * @param index its index in the job
   * @param item its id and text, or its read error
   */
  record PendingItem(int index, Item item) {}
}
