package dev.sentiment.batch;

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
  private static final Pattern LIVE = Pattern.compile("jvm_gc_live_data_size_bytes ([0-9.E+]+)");

  private final BatchClient client;
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
  private volatile double peakUsed;
  private volatile double peakLive;

  HeapProbe(BatchClient client) {
    this.client = client;
    sampler.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
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
      Matcher live = LIVE.matcher(metrics);
      if (live.find()) {
        peakLive = Math.max(peakLive, Double.parseDouble(live.group(1)));
      }
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
