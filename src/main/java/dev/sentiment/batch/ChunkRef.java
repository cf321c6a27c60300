package dev.sentiment.batch;

import java.util.UUID;

/**
 * One chunk of a job: the items {@code [from, to)}. It is also the db-scheduler task instance id
 * ({@code <job>/<from>-<to>}), so a chunk needs no task data and keeps its range even if the
 * configured chunk size changes before it runs.
 *
 * @param job the job id
 * @param from the first item index
 * @param to one past the last item index
 */
record ChunkRef(UUID job, int from, int to) {

  static final String TASK_NAME = "batch-chunk";
  static final String SEPARATOR = "/";

  String instanceId() {
    return job + SEPARATOR + from + "-" + to;
  }

  static ChunkRef parse(String instanceId) {
    int slash = instanceId.indexOf(SEPARATOR);
    int dash = instanceId.lastIndexOf('-');
    return new ChunkRef(
        UUID.fromString(instanceId.substring(0, slash)),
        Integer.parseInt(instanceId.substring(slash + 1, dash)),
        Integer.parseInt(instanceId.substring(dash + 1)));
  }
}
