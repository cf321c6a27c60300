package dev.sentiment.inference;

/**
 * What goes into a batch, apart from the queue that holds the texts (as DJL Serving's work-load
 * manager keeps its aggregator apart from its queue). Interactive texts never share a pass with
 * bulk ones and are taken first. While interactive traffic is about (a text within the last second)
 * bulk passes are kept small and one worker (of several) stays free of bulk work, so a request
 * rarely waits behind a batch job. A worker that finds fewer interactive texts than a full batch
 * waits up to the batch delay for more, but only while another worker is computing: with an idle
 * worker around, waiting would only add latency. Long texts and the parts of a long document that
 * find workers idle are shared out among them, and a batch holds texts of similar length ({@link
 * SimilarLengths}).
 */
final class BatchPolicy {

  /** How long after an interactive text bulk passes stay small. */
  static final long INTERACTIVE_WINDOW_NANOS = 1_000_000_000L;

  private final int bulkBatchWhileInteractive;
  private final int workers;

  BatchPolicy(int bulkBatchWhileInteractive, int workers) {
    this.bulkBatchWhileInteractive = bulkBatchWhileInteractive;
    this.workers = workers;
  }

  /** Whether interactive traffic is about, {@code sinceInteractive} after its last text. */
  static boolean interactiveAbout(long sinceInteractiveNanos) {
    return sinceInteractiveNanos < INTERACTIVE_WINDOW_NANOS;
  }

  /** Whether a worker must leave bulk texts alone, to stay free for requests. */
  boolean keepFreeForInteractive(long sinceInteractiveNanos, int bulkWorkers) {
    return interactiveAbout(sinceInteractiveNanos) && workers > 1 && bulkWorkers >= workers - 1;
  }

  /** The most bulk texts in one pass. */
  int bulkLimit(int maxSize, long sinceInteractiveNanos) {
    return interactiveAbout(sinceInteractiveNanos)
        ? Math.min(maxSize, bulkBatchWhileInteractive)
        : maxSize;
  }

  /**
   * Texts of at least this many tokens (with [CLS] and [SEP]) are shared out among idle workers,
   * and so is every part of a text read in several (its windows, its sentences read alone), however
   * short.
   */
  static final int SHARED_FROM_TOKENS = 64;

  /** Whether {@code item}, the oldest waiting, is shared out among idle workers. */
  static boolean shared(WorkItem item) {
    return item.partOfDocument || item.text.length() >= SHARED_FROM_TOKENS;
  }

  /**
   * How many of {@code waiting} interactive texts a worker takes while {@code idleWorkers} others
   * wait for work, the oldest being {@code oldestShared} ({@link #shared}): for long texts and the
   * parts of one long document an even share, rounded up, so they run on several cores at once; for
   * short ones a full batch, as before. A recurrent pass costs a step per token of its longest
   * text, and more the more texts it holds: four 128-token windows took 6.6 × a sentence's pass,
   * two took 4.6 ×, so sharing them out cuts a long review's answer; short texts gain little that
   * way and lose batch size (8 clients sending lists of 32 sentences, batches of 128: 6 and 11 %
   * fewer texts/s in two interleaved rounds of three when those were shared too).
   */
  static int share(int waiting, int idleWorkers, int maxSize, boolean oldestShared) {
    int workers = oldestShared ? idleWorkers + 1 : 1;
    return Math.min(maxSize, (waiting + workers - 1) / workers);
  }

  /** Whether a batch short of {@code maxSize} should wait for more texts. */
  static boolean waitForCompany(int batchSize, int maxSize, int busyWorkers) {
    return batchSize < maxSize && busyWorkers > 0;
  }
}
