package dev.sentiment.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open-loop load generator for {@code bench/soak.sh}: sends {@code POST /analyze} at a fixed
 * rate whatever the answers (closed-loop tools slow down with the server and hide overload), and
 * samples the service's heap once a second. Test sources only.
 *
 * <p>{@code OpenLoopLoad <base-url> <requests/s> <seconds> <dev.tsv>}
 */
public final class OpenLoopLoad {

  private static final int MAX_OUTSTANDING = 2048;
  private static final Pattern HEAP =
      Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} (\\S+)$");

  private OpenLoopLoad() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int rate = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    List<String> bodies = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[3])).subList(1, 401)) {
      String text =
          line.substring(0, line.lastIndexOf('\t')).replace("\\", "\\\\").replace("\"", "\\\"");
      bodies.add("{\"text\":\"" + text + "\"}");
    }
    HttpClient client =
        HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(4))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    List<Long> okMicros = Collections.synchronizedList(new ArrayList<>());
    AtomicLong failed = new AtomicLong();
    AtomicLong notSent = new AtomicLong();
    Semaphore outstanding = new Semaphore(MAX_OUTSTANDING);
    List<Double> heap = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
    AtomicLong sent = new AtomicLong();
    long start = System.nanoTime();
    long total = (long) rate * seconds;
    ticks.scheduleAtFixedRate(
        () -> {
          long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L);
          while (sent.get() < due) {
            long n = sent.getAndIncrement();
            if (!outstanding.tryAcquire()) {
              notSent.incrementAndGet();
              continue;
            }
            long begin = System.nanoTime();
            HttpRequest request =
                HttpRequest.newBuilder(URI.create(base + "/analyze"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(bodies.get((int) (n % bodies.size()))))
                    .build();
            client
                .sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete(
                    (response, error) -> {
                      outstanding.release();
                      if (error != null) {
                        failed.incrementAndGet();
                        return;
                      }
                      statuses
                          .computeIfAbsent(response.statusCode(), s -> new AtomicLong())
                          .incrementAndGet();
                      if (response.statusCode() == 200) {
                        okMicros.add((System.nanoTime() - begin) / 1000);
                      }
                    });
          }
        },
        0,
        1,
        TimeUnit.MILLISECONDS);
    HttpClient scraper = HttpClient.newHttpClient();
    ticks.scheduleAtFixedRate(
        () -> {
          try {
            String body =
                scraper
                    .send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher matcher = HEAP.matcher(body);
            double used = 0;
            while (matcher.find()) {
              used += Double.parseDouble(matcher.group(1));
            }
            heap.add(used / (1024 * 1024));
          } catch (Exception e) {
            heap.add(-1.0);
          }
        },
        0,
        1,
        TimeUnit.SECONDS);
    Thread.sleep(seconds * 1000L);
    ticks.shutdownNow();
    outstanding.acquire(MAX_OUTSTANDING);

    List<Long> ok = new ArrayList<>(okMicros);
    Collections.sort(ok);
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "offered %d req/s for %d s: %d sent, %d not sent (client cap), %d transport errors%n",
        rate, seconds, sent.get() - notSent.get(), notSent.get(), failed.get());
    System.out.println("statuses " + new TreeMap<>(statuses));
    System.out.printf(
        "answered 200: %.0f /s; latency of 200s p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        ok.size() / elapsed, percentile(ok, 0.50), percentile(ok, 0.99), percentile(ok, 1.0));
    List<Double> samples = heap.stream().filter(h -> h >= 0).toList();
    System.out.printf(
        "service heap used (MiB, 1 s samples): first %.0f, max %.0f, last %.0f%n",
        samples.get(0), Collections.max(samples), samples.get(samples.size() - 1));
    System.exit(0);
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1000.0;
  }
}
