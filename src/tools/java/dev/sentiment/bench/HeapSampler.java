package dev.sentiment.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Samples the service's used heap from {@code /actuator/prometheus} once a second. */
final class HeapSampler {

  private static final Pattern HEAP =
      Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} (\\S+)$");

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<Double> mebibytes = Collections.synchronizedList(new ArrayList<>());

  private HeapSampler() {}

  static HeapSampler start(URI base) {
    HeapSampler sampler = new HeapSampler();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/actuator/prometheus")).build();
    sampler.timer.scheduleAtFixedRate(
        () -> {
          try {
            Matcher matcher =
                HEAP.matcher(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
            double used = 0;
            while (matcher.find()) {
              used += Double.parseDouble(matcher.group(1));
            }
            sampler.mebibytes.add(used / (1024 * 1024));
          } catch (Exception e) {
            // a missed sample; the others still tell
          }
        },
        0,
        1,
        TimeUnit.SECONDS);
    return sampler;
  }

  void stop() {
    timer.shutdownNow();
  }

  String summary() {
    List<Double> samples = new ArrayList<>(mebibytes);
    if (samples.isEmpty()) {
      return "service heap: no sample";
    }
    return String.format(
        "service heap used (MiB, %d samples 1 s apart): first %.0f, max %.0f, last %.0f",
        samples.size(), samples.get(0), Collections.max(samples), samples.get(samples.size() - 1));
  }
}
