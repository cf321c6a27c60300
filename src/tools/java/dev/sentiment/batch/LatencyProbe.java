package dev.sentiment.batch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends {@code POST /analyze} at a steady rate (an open loop, as independent users would) and
 * reports latency percentiles; requests that fail count against the probe.
 */
final class LatencyProbe {

  /**
   * Latencies of one probe.
   *
   * @param requests how many were sent
   * @param failed how many did not answer 200
   * @param p50Millis the median
   * @param p99Millis the 99th percentile
   */
  record Latencies(int requests, int failed, double p50Millis, double p99Millis) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI analyze;
  private final List<String> texts;

  LatencyProbe(int port, List<String> texts) {
    this.analyze = URI.create("http://127.0.0.1:" + port + "/analyze");
    this.texts = texts;
  }

  Latencies run(int perSecond, Duration duration) throws InterruptedException {
    int count = (int) (perSecond * duration.toSeconds());
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
    int[] failed = {0};
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    long periodMicros = 1_000_000L / perSecond;
    int[] sent = {0};
    pacer.scheduleAtFixedRate(
        () -> {
          if (sent[0] >= count) {
            return;
          }
          String text = texts.get(sent[0]++ % texts.size());
          HttpRequest request =
              HttpRequest.newBuilder(analyze)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body(text)))
                  .build();
          long start = System.nanoTime();
          pending.add(
              http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                  .whenComplete(
                      (response, error) -> {
                        if (error != null || response.statusCode() != 200) {
                          synchronized (failed) {
                            failed[0]++;
                          }
                        } else {
                          nanos.add(System.nanoTime() - start);
                        }
                      }));
        },
        0,
        periodMicros,
        TimeUnit.MICROSECONDS);
    Thread.sleep(duration.toMillis() + 100);
    pacer.shutdownNow();
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .join();
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return new Latencies(count, failed[0], percentile(sorted, 0.50), percentile(sorted, 0.99));
  }

  private static String body(String text) {
    return JsonMapper.shared().writeValueAsString(java.util.Map.of("text", text));
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
