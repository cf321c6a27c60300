package dev.sentiment.batch;

import dev.sentiment.SentimentApplication;
import dev.sentiment.inference.Deadline;
import dev.sentiment.inference.InferenceEngine;
import dev.sentiment.inference.Prediction;
import dev.sentiment.inference.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The raw throughput a batch job is measured against: the service's own engine, configured as in
 * the service, fed texts in its bulk lane from as many threads as a replica runs chunks, with no
 * database and no HTTP. Prints {@code N texts in S s}. Run by {@link BatchBenchmark} in a JVM of
 * its own: {@code EngineThroughput <texts file> <data dir>}.
 */
final class EngineThroughput {

  private static final int FEEDERS = 4;
  private static final int WARM_UP = 10_000;

  private EngineThroughput() {}

  public static void main(String[] args) throws Exception {
    List<String> texts = Files.readAllLines(Path.of(args[0]));
    try (ConfigurableApplicationContext context =
        SpringApplication.run(
            SentimentApplication.class,
            "--spring.main.web-application-type=none",
            "--sentiment.batch.data-dir=" + args[1],
            "--logging.level.root=WARN")) {
      InferenceEngine engine = context.getBean(InferenceEngine.class);
      while (!engine.ready()) {
        Thread.sleep(100);
      }
      classify(engine, texts.subList(0, Math.min(WARM_UP, texts.size())));
      long start = System.nanoTime();
      classify(engine, texts);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("%d texts in %.2f s%n", texts.size(), seconds);
    }
  }

  private static void classify(InferenceEngine engine, List<String> texts) throws Exception {
    ExecutorService feeders = Executors.newFixedThreadPool(FEEDERS);
    List<CompletableFuture<Void>> done = new ArrayList<>();
    int share = (texts.size() + FEEDERS - 1) / FEEDERS;
    for (int f = 0; f < FEEDERS; f++) {
      List<String> mine =
          texts.subList(Math.min(texts.size(), f * share), Math.min(texts.size(), (f + 1) * share));
      done.add(
          CompletableFuture.runAsync(
              () -> {
                List<CompletableFuture<Prediction>> answers = new ArrayList<>(mine.size());
                for (String text : mine) {
                  answers.add(
                      engine.classify(text, Deadline.in(Duration.ofMinutes(10)), Priority.BULK));
                }
                answers.forEach(CompletableFuture::join);
              },
              feeders));
    }
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
    feeders.shutdown();
  }
}
