package dev.sentiment.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The batch benchmark: raw model throughput against a 100,000-text job's, {@code /analyze} p99 idle
 * and under that job, and peak heap for a 10k and a 1M text upload. Servers run as separate JVMs on
 * 127.0.0.1 only; every wait is bounded, and the whole run takes about 15 minutes on 2 cores. Texts
 * are SST-2 training sentences, cycled.
 *
 * <p>{@code ./mvnw -q -Ptools test-compile exec:exec@batch-benchmark [-Dbenchmark.sst2=FILE]}
 */
final class BatchBenchmark {

  private static final int JOB_TEXTS = 100_000;
  private static final int WARM_UP = 20_000;
  private static final int[] HEAP_TEXTS = {10_000, 1_000_000};
  private static final int RATE = 50;
  private static final Duration PROBE = Duration.ofSeconds(30);
  private static final Duration HEAP_PROCESSING = Duration.ofSeconds(60);
  private static final Pattern MEASURED = Pattern.compile("(\\d+) texts in ([0-9.]+) s");

  private BatchBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> sentences =
        readSentences(Path.of(args.length > 0 ? args[0] : "../shared/data/sst2/train.tsv"));
    Path work = Files.createTempDirectory("batch-benchmark-");
    Path jobFile = textFile(work, sentences, JOB_TEXTS);

    double raw = rawThroughput(jobFile, work.resolve("raw"));
    System.out.printf("raw engine throughput: %.0f texts/s%n", raw);

    List<String> data = List.of("--sentiment.batch.data-dir=" + work.resolve("data"));
    try (ServerProcess server = ServerProcess.start("benchmark", "1g", data)) {
      BatchClient client = new BatchClient(server.port());
      LatencyProbe probe = new LatencyProbe(server.port(), sentences);
      // A fresh JVM spends its first minute compiling; the raw measurement warms up too.
      String warmUp =
          client.submit(client.upload(textFile(work, sentences, WARM_UP), "text/plain", null));
      client.awaitStatus(warmUp, "SUCCEEDED", Duration.ofMinutes(5));
      probe.run(RATE, Duration.ofSeconds(10));
      LatencyProbe.Latencies idle = probe.run(RATE, PROBE);
      System.out.println("/analyze idle: " + idle);

      Instant submitted = Instant.now();
      String alone = client.submit(client.upload(jobFile, "text/plain", null));
      Duration upload = Duration.between(submitted, Instant.now());
      JsonNode done = client.awaitStatus(alone, "SUCCEEDED", Duration.ofMinutes(10));
      double seconds = seconds(done, "started_at", "finished_at");
      System.out.printf(
          "100k job: upload %.1f s, processing %.1f s = %.0f texts/s (%.0f%% of raw);"
              + " submit to done %.1f s%n",
          upload.toMillis() / 1e3,
          seconds,
          JOB_TEXTS / seconds,
          100 * JOB_TEXTS / seconds / raw,
          Duration.between(submitted, Instant.now()).toMillis() / 1e3);

      String busy = client.submit(client.upload(jobFile, "text/plain", null));
      CrashRecoveryTest.awaitProgress(client, busy, 1);
      LatencyProbe.Latencies underJob = probe.run(RATE, PROBE);
      JsonNode during = client.status(busy);
      System.out.println("/analyze under the job: " + underJob + ", job then " + during);
      System.out.printf(
          "p99 ratio under job / idle: %.2f%n", underJob.p99Millis() / idle.p99Millis());
      client.delete("/analyze_batch/" + busy);
      server.stop();
    }

    for (int texts : HEAP_TEXTS) {
      heap(work, sentences, texts);
    }
  }

  private static void heap(Path work, List<String> sentences, int texts) throws IOException {
    Path file = textFile(work, sentences, texts);
    List<String> data = List.of("--sentiment.batch.data-dir=" + work.resolve("heap-" + texts));
    try (ServerProcess server = ServerProcess.start("heap-" + texts, "256m", data)) {
      BatchClient client = new BatchClient(server.port());
      try (HeapProbe heap = new HeapProbe(client, server.pid())) {
        Instant start = Instant.now();
        String id = client.submit(client.upload(file, "text/plain", null));
        Duration upload = Duration.between(start, Instant.now());
        try {
          client.awaitStatus(id, "SUCCEEDED", HEAP_PROCESSING);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          client.delete("/analyze_batch/" + id);
        }
        System.out.printf(
            "%,d texts (%,d bytes): upload %.1f s, %d processed; peak heap used %.0f MiB,"
                + " peak live heap %.0f MiB (-Xmx256m)%n",
            texts,
            Files.size(file),
            upload.toMillis() / 1e3,
            client.status(id).path("processed").asInt(),
            heap.peakUsedMiB(),
            heap.peakLiveMiB());
      }
      server.stop();
    }
    Files.delete(file);
  }

  /** Texts per second of the bare engine over the same texts, in a JVM of its own. */
  private static double rawThroughput(Path texts, Path dataDir)
      throws IOException, InterruptedException {
    Process raw =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Dai.djl.offline=true",
                "-cp",
                System.getProperty("java.class.path"),
                EngineThroughput.class.getName(),
                texts.toString(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream out = raw.getInputStream()) {
      output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
    }
    raw.waitFor();
    Matcher matcher = MEASURED.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("The raw measurement printed no timing:\n" + output);
    }
    return Integer.parseInt(matcher.group(1)) / Double.parseDouble(matcher.group(2));
  }

  private static double seconds(JsonNode job, String from, String to) {
    return Duration.between(
                Instant.parse(job.path(from).asString()), Instant.parse(job.path(to).asString()))
            .toMillis()
        / 1e3;
  }

  private static Path textFile(Path dir, List<String> sentences, int count) throws IOException {
    Path file = dir.resolve("texts-" + count + ".txt");
    try (var out = Files.newBufferedWriter(file)) {
      for (int i = 0; i < count; i++) {
        out.write(sentences.get(i % sentences.size()));
        out.write('\n');
      }
    }
    return file;
  }

  private static List<String> readSentences(Path tsv) throws IOException {
    List<String> lines = Files.readAllLines(tsv);
    List<String> sentences = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      int tab = line.lastIndexOf('\t');
      if (tab > 0 && !line.substring(0, tab).isBlank()) {
        sentences.add(line.substring(0, tab).strip());
      }
    }
    return sentences;
  }
}
