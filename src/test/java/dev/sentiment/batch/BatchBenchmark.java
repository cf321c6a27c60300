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
 * <p>{@code ./mvnw -q test-compile exec:exec@batch-benchmark [-Dbenchmark.sst2=FILE]}
 */
final class BatchBenchmark {

  private static final int JOB_TEXTS = 100_000;
  private static final int[] HEAP_TEXTS = {10_000, 1_000_000};
  private static final int RATE = 50;
  private static final Duration PROBE = Duration.ofSeconds(30);
  private static final Duration HEAP_PROCESSING = Duration.ofSeconds(60);
  private static final Pattern EVALUATED = Pattern.compile("(\\d+) texts in ([0-9.]+) s");

  private BatchBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String[]> rows =
        readTsv(Path.of(args.length > 0 ? args[0] : "../shared/data/sst2/train.tsv"));
    List<String> sentences = rows.stream().map(r -> r[0]).toList();
    Path work = Files.createTempDirectory("batch-benchmark-");
    Path tsv = work.resolve("raw.tsv");
    List<String> lines = new ArrayList<>(List.of("sentence\tlabel"));
    for (int i = 0; i < JOB_TEXTS; i++) {
      String[] row = rows.get(i % rows.size());
      lines.add(row[0] + "\t" + row[1]);
    }
    Files.write(tsv, lines);
    Path jobFile = textFile(work, sentences, JOB_TEXTS);

    double raw = rawThroughput(tsv);
    System.out.printf("raw model throughput: %.0f texts/s%n", raw);

    List<String> data = List.of("--sentiment.batch.data-dir=" + work.resolve("data"));
    try (ServerProcess server = ServerProcess.start("benchmark", "1g", data)) {
      BatchClient client = new BatchClient(server.port());
      LatencyProbe probe = new LatencyProbe(server.port(), sentences);
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
      try (HeapProbe heap = new HeapProbe(client)) {
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
                + " peak live data after GC %.0f MiB (-Xmx256m)%n",
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

  private static double rawThroughput(Path tsv) throws IOException, InterruptedException {
    Process evaluation =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Dai.djl.offline=true",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sentiment.inference.EvaluationCommand",
                tsv.toString())
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream out = evaluation.getInputStream()) {
      output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
    }
    evaluation.waitFor();
    Matcher matcher = EVALUATED.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("The evaluation printed no timing:\n" + output);
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

  private static List<String[]> readTsv(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
      int tab = line.lastIndexOf('\t');
      if (tab > 0 && !line.substring(0, tab).isBlank()) {
        rows.add(new String[] {line.substring(0, tab).strip(), line.substring(tab + 1).strip()});
      }
    }
    return rows;
  }
}
