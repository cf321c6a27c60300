package dev.sentiment.analysis;

import java.time.Duration;
import org.springframework.http.HttpHeaders;

/**
 * The W3C {@code Server-Timing} header of an {@code /analyze} answer, so a client sees where its
 * time went: {@code queue} (the longest any of its texts waited for a worker), {@code inference}
 * (the longest any was computed) and {@code total} (from the request's arrival to its answer), in
 * milliseconds. A failed answer carries {@code total} alone.
 */
final class ServerTiming {

  static final String HEADER = "Server-Timing";

  private ServerTiming() {}

  static HttpHeaders of(AnalysisService.Answer answer, Throwable failure, long arrivedNanos) {
    Duration total = Duration.ofNanos(System.nanoTime() - arrivedNanos);
    HttpHeaders headers = new HttpHeaders();
    headers.set(
        HEADER,
        answer == null
            ? metric("total", total)
            : metric("queue", answer.queued())
                + ", "
                + metric("inference", answer.computing())
                + ", "
                + metric("total", total));
    return headers;
  }

  /** {@code name;dur=1.234}: milliseconds to the microsecond, without a formatter per answer. */
  private static String metric(String name, Duration duration) {
    long micros = Math.max(0, duration.toNanos() / 1000);
    long fraction = micros % 1000;
    return name
        + ";dur="
        + micros / 1000
        + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".")
        + fraction;
  }
}
