package dev.sentiment.batch;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import dev.sentiment.inference.InferenceEngine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Wires db-scheduler, the engine that runs chunks and the cleanup. Its defaults would revive a dead
 * replica's chunks only after about half an hour; here heartbeats and polling follow {@link
 * BatchProperties}, so that takes under a minute.
 */
@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

  @Bean
  ChunkTask chunkTask(ChunkWork work, JobStore jobs, BatchProperties properties) {
    return new ChunkTask(work, jobs, properties);
  }

  @Bean
  CleanupTask cleanupTask(JobStore jobs, BatchProperties properties) {
    return new CleanupTask(jobs, properties);
  }

  /**
   * Schedules chunks. It works on a transaction-aware view of the data source, so that a submission
   * schedules its chunks in the same transaction that makes its job visible.
   */
  @Bean
  SchedulerClient batchSchedulerClient(DataSource dataSource, ChunkTask chunks) {
    return SchedulerClient.Builder.create(
            new TransactionAwareDataSourceProxy(dataSource), chunks.task())
        .build();
  }

  /**
   * Runs chunks and the cleanup. A db-scheduler {@link Scheduler} cannot start again once stopped,
   * so each start of the lifecycle builds a new one.
   */
  @Bean
  SchedulerLifecycle batchSchedulerLifecycle(
      DataSource dataSource,
      ChunkTask chunks,
      CleanupTask cleanup,
      BatchProperties properties,
      InferenceEngine engine) {
    return new SchedulerLifecycle(
        () ->
            Scheduler.create(dataSource, List.of(chunks.task()))
                .startTasks(cleanup.task())
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .schedulerName(new SchedulerName.Fixed(replicaName()))
                .enableImmediateExecution()
                .build(),
        engine);
  }

  /** Host and process, so replicas on one host (and a restart) are told apart in the table. */
  private static String replicaName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown";
    }
    String name = host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
    return name.length() <= 50 ? name : name.substring(name.length() - 50);
  }
}
