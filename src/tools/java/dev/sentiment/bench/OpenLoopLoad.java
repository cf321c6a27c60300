package dev.sentiment.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator for {@code bench/soak.sh}: schedules {@code POST /analyze} at a fixed
 * rate whatever the answers (closed-loop tools slow down with the server and hide overload), sends
 * them over a fixed set of keep-alive connections, and times every answer from the moment it was
 * due, not from when a connection was free, so waiting in the generator counts as the server's
 * latency (as wrk2 does). Samples the service's heap once a second. A developer tool (src/tools),
 * never in the jar.
 *
 * <p>{@code OpenLoopLoad <base-url> <requests/s> <seconds> <dev.tsv> [connections, default 256]}
 */
public final class OpenLoopLoad {

  private static final long NO_MORE = Long.MIN_VALUE;
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);

  private OpenLoopLoad() {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    int rate = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    List<byte[]> requests = requests(base, Path.of(args[3]));
    int connections = args.length > 4 ? Integer.parseInt(args[4]) : 256;

    BlockingQueue<Long> due = new LinkedBlockingQueue<>();
    // Per status, the latency of every answer (so also how many there were).
    Map<Integer, List<Long>> micros = new ConcurrentHashMap<>();
    AtomicLong transportErrors = new AtomicLong();
    AtomicLong next = new AtomicLong();
    List<Thread> senders = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Thread sender =
          new Thread(
              () -> {
                HttpConnection connection = null;
                while (true) {
                  long dueAt;
                  try {
                    dueAt = due.take();
                  } catch (InterruptedException e) {
                    break;
                  }
                  if (dueAt == NO_MORE) {
                    break;
                  }
                  byte[] request = requests.get((int) (next.getAndIncrement() % requests.size()));
                  try {
                    if (connection != null && connection.closing()) {
                      connection.close();
                      connection = null;
                    }
                    if (connection == null) {
                      connection = new HttpConnection(base.getHost(), base.getPort());
                    }
                    int status = connection.exchange(request);
                    micros
                        .computeIfAbsent(
                            status, s -> Collections.synchronizedList(new ArrayList<>()))
                        .add((System.nanoTime() - dueAt) / 1000);
                  } catch (IOException e) {
                    transportErrors.incrementAndGet();
                    if (connection != null) {
                      connection.close();
                    }
                    connection = null;
                  }
                }
                if (connection != null) {
                  connection.close();
                }
              },
              "load-" + c);
      sender.setDaemon(true);
      sender.start();
      senders.add(sender);
    }
    HeapSampler heap = HeapSampler.start(base);

    // The schedule: request i is due at start + i / rate, whether or not anyone is free to send it.
    long start = System.nanoTime();
    long total = (long) rate * seconds;
    for (long i = 0; i < total; i++) {
      long dueAt = start + i * 1_000_000_000L / rate;
      long wait = dueAt - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      due.add(dueAt);
    }
    long scheduleEnd = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      due.add(NO_MORE);
    }
    for (Thread sender : senders) {
      sender.join(
          Math.max(
              1, TimeUnit.NANOSECONDS.toMillis(scheduleEnd + DRAIN_NANOS - System.nanoTime())));
    }
    int unsent = (int) due.stream().filter(d -> d != NO_MORE).count();
    heap.stop();

    // Sorted copies; a sender still draining when the wait ended may add to the lists meanwhile.
    Map<Integer, List<Long>> byStatus = new TreeMap<>();
    micros.forEach(
        (status, latencies) -> {
          List<Long> sorted;
          synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
          }
          Collections.sort(sorted);
          byStatus.put(status, sorted);
        });
    long answered = byStatus.values().stream().mapToLong(List::size).sum();
    System.out.printf(
        "offered %d req/s for %d s over %d connections: %d answered, %d transport errors,"
            + " %d never sent (still due when the run ended)%n",
        rate, seconds, connections, answered, transportErrors.get(), unsent);
    Map<Integer, Integer> counts = new TreeMap<>();
    byStatus.forEach((status, latencies) -> counts.put(status, latencies.size()));
    System.out.println("statuses " + counts);
    for (Map.Entry<Integer, List<Long>> entry : byStatus.entrySet()) {
      List<Long> sorted = entry.getValue();
      System.out.printf(
          "%d: %.0f /s; latency from when due p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          entry.getKey(),
          sorted.size() / (seconds * 1.0),
          percentile(sorted, 0.50),
          percentile(sorted, 0.99),
          percentile(sorted, 1.0));
    }
    System.out.println(heap.summary());
    System.exit(0);
  }

  private static List<byte[]> requests(URI base, Path devTsv) throws IOException {
    List<byte[]> requests = new ArrayList<>();
    for (String line : Files.readAllLines(devTsv).subList(1, 401)) {
      String text =
          line.substring(0, line.lastIndexOf('\t')).replace("\\", "\\\\").replace("\"", "\\\"");
      byte[] body = ("{\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
      String head =
          "POST /analyze HTTP/1.1\r\nHost: "
              + base.getHost()
              + ":"
              + base.getPort()
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length
              + "\r\n\r\n";
      byte[] head8 = head.getBytes(StandardCharsets.US_ASCII);
      byte[] request = new byte[head8.length + body.length];
      System.arraycopy(head8, 0, request, 0, head8.length);
      System.arraycopy(body, 0, request, head8.length, body.length);
      requests.add(request);
    }
    return requests;
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1000.0;
  }
}
