package dev.sentiment.batch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of batch jobs ({@code sentiment.batch.*}).
 *
 * <p>Where jobs live: by default an HSQLDB file database under {@code sentiment.batch.data-dir}
 * (default {@code ./data}; see {@code spring.datasource.url} in {@code application.yml}), written
 * with {@code write_delay=false} so that a 202 means the job is on disk. Setting {@code
 * spring.datasource.url} to a {@code jdbc:postgresql://} URL makes several replicas share the jobs.
 * Flyway creates the schema for either.
 *
 * @param chunkSize items per chunk task; a chunk is the unit that one replica computes and commits
 *     at a time, and the most work a crash can throw away
 * @param maxItems the most items in one job; more is answered 413
 * @param maxUploadSize the largest submission (JSON body or multipart upload); larger is answered
 *     413. Uploads are streamed into the database, so this bounds disk use, not memory.
 * @param maxTextLength the most characters in one text; a longer one becomes an item whose result
 *     is an error (at most 100,000)
 * @param ttl how long a finished job (succeeded, failed or cancelled) and its results are kept;
 *     then it is deleted and its id answers 404
 * @param cleanupInterval how often finished jobs past their TTL are looked for
 * @param uploadTimeout a submission still being uploaded after this long is considered abandoned
 *     (its client or its replica died) and is deleted
 * @param threads chunks computed at the same time by one replica; each feeds up to {@code
 *     chunkSize} texts to the engine's bulk lane
 * @param pollingInterval how often a replica looks for due chunks
 * @param heartbeatInterval how often a replica marks its running chunks as alive
 * @param missedHeartbeats heartbeats a running chunk may miss before it is taken for dead and
 *     revived on any replica; with the defaults a dead replica's chunks run again within 40 s
 * @param shutdownMaxWait how long a stopping replica waits for its running chunks; a chunk that is
 *     still computing is released at once so another replica or the restart takes it
 * @param itemTimeout the engine's deadline for one text of a chunk; a chunk whose texts miss it is
 *     retried later
 * @param maxChunkAttempts a chunk that fails this many times in a row for reasons other than its
 *     texts (the database, a bug) fails its job; retries wait 2 s, 4 s, ... up to 1 min, so the
 *     default rides out about five minutes of trouble
 */
@Validated
@ConfigurationProperties("sentiment.batch")
record BatchProperties(
    @DefaultValue("256") @Min(1) @Max(10_000) int chunkSize,
    @DefaultValue("1000000") @Min(1) int maxItems,
    @DefaultValue("512MB") @NotNull DataSize maxUploadSize,
    @DefaultValue("10000") @Min(1) @Max(100_000) int maxTextLength,
    @DefaultValue("7d") @NotNull Duration ttl,
    @DefaultValue("5m") @NotNull Duration cleanupInterval,
    @DefaultValue("15m") @NotNull Duration uploadTimeout,
    @DefaultValue("4") @Min(1) int threads,
    @DefaultValue("1s") @NotNull Duration pollingInterval,
    @DefaultValue("5s") @NotNull Duration heartbeatInterval,
    @DefaultValue("6") @Min(2) int missedHeartbeats,
    @DefaultValue("30s") @NotNull Duration shutdownMaxWait,
    @DefaultValue("10m") @NotNull Duration itemTimeout,
    @DefaultValue("10") @Min(1) int maxChunkAttempts) {}
