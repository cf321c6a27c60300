package dev.sentiment.batch;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.sentiment.web.problem.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a submission into a job. Items stream from the request into the database in batches, each
 * committed on its own so no transaction grows with the job, under a job that stays invisible
 * ({@link JobStatus#UPLOADING}) until the last step: one transaction that makes it {@link
 * JobStatus#QUEUED} and schedules its chunks. A submission that fails is deleted before the error
 * is answered, and one whose replica dies midway is deleted after {@code upload-timeout}.
 */
@Service
class SubmissionService {

  /** Items per insert batch and commit while a submission streams in. */
  private static final int INSERT_BATCH = 2000;

  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final JobStore jobs;
  private final ItemStore items;
  private final SchedulerClient scheduler;
  private final TransactionTemplate transaction;
  private final BatchProperties properties;
  private final JsonMapper json;

  SubmissionService(
      JobStore jobs,
      ItemStore items,
      SchedulerClient scheduler,
      PlatformTransactionManager transactions,
      BatchProperties properties,
      JsonMapper json) {
    this.jobs = jobs;
    this.items = items;
    this.scheduler = scheduler;
    this.transaction = new TransactionTemplate(transactions);
    this.properties = properties;
    this.json = json;
  }

  /**
   * Stores the items read from {@code content} as a new job of {@code owner}. With an idempotency
   * key that already names a job of the same content, returns that job instead (the content is
   * still read, to compare it).
   */
  Submitted submit(String owner, String key, UploadFormat format, InputStream content)
      throws IOException {
    if (key != null && !KEY.matcher(key).matches()) {
      throw new InvalidInputException(
          "'Idempotency-Key' must be 1 to 255 visible ASCII characters");
    }
    MessageDigest digest = sha256(format);
    DigestInputStream hashed = new DigestInputStream(content, digest);
    if (key != null) {
      Optional<Job> earlier = jobs.findByKey(owner, key);
      if (earlier.isPresent()) {
        hashed.transferTo(OutputStream.nullOutputStream());
        return replay(earlier.get(), hex(digest));
      }
    }
    UUID id = UUID.randomUUID();
    if (!jobs.reserve(id, owner, key, Instant.now())) {
      throw new IdempotencyConflictException(
          "A job with this Idempotency-Key is being submitted right now");
    }
    try {
      int total = store(id, format, hashed);
      activate(id, total, hex(digest));
      return new Submitted(jobs.find(id, owner).orElseThrow(), false);
    } catch (IOException | RuntimeException e) {
      try {
        jobs.purge(id);
      } catch (RuntimeException purgeFailure) {
        // The cleanup task deletes it after upload-timeout; the client's error matters more.
        e.addSuppressed(purgeFailure);
      }
      throw e;
    }
  }

  private int store(UUID id, UploadFormat format, InputStream content) throws IOException {
    ItemSink sink =
        new ItemSink(
            properties.maxItems(),
            properties.maxTextLength(),
            INSERT_BATCH,
            (first, batch) -> items.insert(id, first, batch));
    parser(format).parse(content, sink);
    // Whatever the parser did not need still counts for the content's hash.
    content.transferTo(OutputStream.nullOutputStream());
    int total = sink.finish();
    if (total == 0) {
      throw new InvalidInputException("The submission has no items");
    }
    return total;
  }

  private void activate(UUID id, int total, String hash) {
    List<TaskInstance<?>> chunks = new ArrayList<>();
    for (int from = 0; from < total; from += properties.chunkSize()) {
      ChunkRef chunk = new ChunkRef(id, from, Math.min(total, from + properties.chunkSize()));
      chunks.add(new TaskInstance<>(ChunkRef.TASK_NAME, chunk.instanceId()));
    }
    transaction.executeWithoutResult(
        status -> {
          if (!jobs.markQueued(id, total, hash)) {
            throw new IllegalStateException("The job " + id + " was purged while it was uploaded");
          }
          scheduler.scheduleBatch(chunks, Instant.now());
        });
  }

  private static Submitted replay(Job earlier, String hash) {
    if (earlier.status() == JobStatus.UPLOADING) {
      throw new IdempotencyConflictException(
          "A job with this Idempotency-Key is being submitted right now");
    }
    if (!hash.equals(earlier.contentHash())) {
      throw new IdempotencyConflictException(
          "This Idempotency-Key was used for a job with other content");
    }
    return new Submitted(earlier, true);
  }

  private ItemParser parser(UploadFormat format) {
    return switch (format) {
      case JSON -> new JsonDocumentParser(json);
      case CSV -> new CsvParser();
      case NDJSON -> new NdjsonParser(json);
      case TEXT -> new TextParser();
    };
  }

  private static MessageDigest sha256(UploadFormat format) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      // The same bytes read as another format are other content.
      digest.update(format.name().getBytes(StandardCharsets.US_ASCII));
      return digest;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * A submission's job.
   *
   * @param job the job as it is now
   * @param replayed whether it was submitted earlier with the same idempotency key
   */
  record Submitted(Job job, boolean replayed) {}
}
