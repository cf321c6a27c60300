package dev.sentiment.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples a server's heap through {@code /actuator/prometheus} every 200 ms and keeps the peaks:
 * heap in use (which includes garbage not yet collected) and the live data after collections (what
 * the process really holds).
 */
final class HeapProbe implements AutoCloseable {

  private static final Pattern HEAP_USED =
      Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");
  private static final Pattern TOTAL = Pattern.compile("Total\\s+\\d+\\s+(\\d+)");

  private final BatchClient client;
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
  private volatile double peakUsed;
  private volatile double peakLive;

  private final long pid;

  HeapProbe(BatchClient client, long pid) {
    this.client = client;
    this.pid = pid;
    sampler.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
    sampler.scheduleAtFixedRate(this::live, 1, 5, TimeUnit.SECONDS);
  }

  private void live() {
    try {
      Process jcmd =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(pid),
                  "GC.class_histogram")
              .redirectErrorStream(true)
              .start();
      String histogram = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      Matcher total = TOTAL.matcher(histogram);
      if (jcmd.waitFor() == 0 && total.find()) {
        peakLive = Math.max(peakLive, Double.parseDouble(total.group(1)));
      }
    } catch (IOException e) {
      // No jcmd sample this time; the next one counts.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sample() {
    try {
      String metrics = client.get("/actuator/prometheus", null).body();
      double used = 0;
      Matcher pools = HEAP_USED.matcher(metrics);
      while (pools.find()) {
        used += Double.parseDouble(pools.group(1));
      }
      peakUsed = Math.max(peakUsed, used);
    } catch (RuntimeException e) {
      // A sample lost while the server is busy changes no peak.
    }
  }

  double peakUsedMiB() {
    return peakUsed / (1 << 20);
  }

  double peakLiveMiB() {
    return peakLive / (1 << 20);
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
