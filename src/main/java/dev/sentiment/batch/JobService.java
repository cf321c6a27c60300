package dev.sentiment.batch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A caller's view of its jobs: status, cancellation and results. A job of another caller, an
 * unknown id and a malformed one all look the same: not found.
 */
@Service
class JobService {

  private static final Logger log = LoggerFactory.getLogger(JobService.class);
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final JobStore jobs;
  private final ResultStore results;
  private final JsonMapper json;

  JobService(JobStore jobs, ResultStore results, JsonMapper json) {
    this.jobs = jobs;
    this.results = results;
    this.json = json;
  }

  Job status(String owner, String id) {
    return jobs.find(parse(id), owner).orElseThrow(JobNotFoundException::new);
  }

  /**
   * Cancels a queued or running job: chunks not started are dropped and running ones store nothing
   * more, while results stored so far stay readable. A finished job is left as it is, so cancelling
   * is safe to repeat.
   */
  Job cancel(String owner, String id) {
    Job job = status(owner, id);
    if (job.status().active()) {
      jobs.finish(job.id(), JobStatus.CANCELLED, Instant.now());
      return status(owner, id);
    }
    return job;
  }

  /**
   * Streams the job's results from index {@code offset} on, at most {@code limit} of them. While
   * the job is not finished they stop before the first item still without a result, so a client may
   * always go on from the last index it saw; once finished, every result is listed (a cancelled or
   * failed job's unprocessed items never get one, and none can come after it ends). A client that
   * goes away mid-stream only ends the stream: there is nobody left to answer.
   */
  void writeResults(Job job, long offset, Long limit, ResultFormat format, OutputStream out) {
    try {
      BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
      boolean contiguous = !job.status().finished();
      results.stream(job.id(), offset, limit, contiguous, new ResultWriter(buffered, format, json));
      buffered.flush();
    } catch (IOException | UncheckedIOException e) {
      log.debug("The client of job {} stopped reading its results", job.id(), e);
    }
  }

  private static UUID parse(String id) {
    if (id == null || !UUID_TEXT.matcher(id).matches()) {
      throw new JobNotFoundException();
    }
    return UUID.fromString(id);
  }
}
