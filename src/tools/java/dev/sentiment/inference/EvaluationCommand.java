package dev.sentiment.inference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Evaluates a model on a labelled TSV ({@code sentence<TAB>label}, header row; the label is a class
 * id or a label name) through the service's own engine: same tokenizer, batching and DJL path as
 * {@code /analyze}. Prints accuracy, per-class precision and recall, and the confusion matrix.
 *
 * <p>{@code ./mvnw -q -Ptools test-compile exec:java@evaluate
 * -Devaluate.file=../shared/data/sst2/dev.tsv [-Devaluate.model=DIR]}
 */
public final class EvaluationCommand {

  private EvaluationCommand() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: EvaluationCommand <labelled.tsv> [model-dir]");
      System.exit(2);
    }
    String modelDir = args.length == 2 ? args[1] : "classpath:models/sentiment-en-sst2";
    List<String[]> rows = readTsv(Path.of(args[0]));
    InferenceProperties properties = InferenceProperties.forModel(modelDir, 0, 32, 1024, 1);
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(properties.effectiveWorkers());
    executor.setDaemon(true);
    executor.initialize();
    InferenceEngine engine =
        new InferenceEngine(
            properties, new DefaultResourceLoader(), executor, new SimpleMeterRegistry());
    engine.start();
    if (!engine.awaitSettled(Duration.ofMinutes(10))) {
      System.err.println(engine.notReadyReason());
      System.exit(1);
    }
    ModelInfo info = engine.model().orElseThrow();
    long start = System.nanoTime();
    List<CompletableFuture<Prediction>> answers = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      answers.add(engine.classify(row[0], Duration.ofHours(1), Priority.BULK));
    }
    Evaluation evaluation = new Evaluation(info.labels());
    for (int i = 0; i < rows.size(); i++) {
      evaluation.add(labelOf(rows.get(i)[1], info.labels()), answers.get(i).join().label());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    engine.stop();
    executor.shutdown();
    System.out.printf(
        "model %s %s, %s: %d texts in %.1f s%n",
        info.name(), info.version(), args[0], rows.size(), seconds);
    System.out.print(evaluation.report());
  }

  private static List<String[]> readTsv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      int tab = line.lastIndexOf('\t');
      if (tab > 0) {
        rows.add(new String[] {line.substring(0, tab), line.substring(tab + 1).trim()});
      }
    }
    return rows;
  }

  private static String labelOf(String value, List<String> labels) {
    if (labels.contains(value)) {
      return value;
    }
    return labels.get(Integer.parseInt(value));
  }
}
