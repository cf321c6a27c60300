package dev.sentiment.inference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Evaluates a model on a labelled TSV through the service's own engine: same tokenizer, batching
 * and DJL path as {@code /analyze}. Prints accuracy, macro-averaged recall, per-class precision,
 * recall and F1, and the confusion matrix.
 *
 * <p>Files have a header row and no quoting ({@code ../shared/data/README.md}): binary ones are
 * {@code sentence<TAB>0|1} (0 NEGATIVE, 1 POSITIVE), the others {@code
 * sentence<TAB>label[<TAB>fine]} with the label as a name. On a binary file, a model with more
 * labels (NEUTRAL) is judged by P(POSITIVE) against P(NEGATIVE); rows whose label the model lacks
 * (NEUTRAL for a binary model) are left out. The output says when either happens.
 *
 * <p>{@code ./mvnw -q -Ptools test-compile exec:java@evaluate
 * -Devaluate.file=../shared/data/sst2/dev.tsv [-Devaluate.model=DIR]}
 */
public final class EvaluationCommand {

  /** What 0 and 1 mean in a binary file (the GLUE SST-2 convention). */
  static final List<String> BINARY_LABELS = List.of("NEGATIVE", "POSITIVE");

  private static final Pattern LABEL_NAME = Pattern.compile("\\p{L}[\\p{L}\\p{N}_-]*");

  private EvaluationCommand() {}

  /** One labelled row; {@code line} is its 1-based line number in the file. */
  record Row(int line, String text, String label) {}

  /** A file's rows, and whether its labels were written as binary 0/1. */
  record LabelledFile(List<Row> rows, boolean binary) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: EvaluationCommand <labelled.tsv> [model-dir]");
      System.exit(2);
    }
    String modelDir = args.length == 2 ? args[1] : "classpath:models/sentiment-en";
    LabelledFile file;
    try {
      file = parse(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | IOException e) {
      System.err.println(args[0] + ": " + e.getMessage());
      System.exit(2);
      return;
    }
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
    List<String> notes = new ArrayList<>();
    List<String> candidates = candidates(file, info.labels(), notes);
    List<Row> rows = judgeable(file.rows(), info.labels(), notes);
    if (candidates.isEmpty() || rows.isEmpty()) {
      notes.forEach(System.err::println);
      System.err.println("nothing to evaluate: the model's labels are " + info.labels());
      System.exit(1);
    }
    long start = System.nanoTime();
    List<CompletableFuture<Prediction>> answers = new ArrayList<>(rows.size());
    for (Row row : rows) {
      // Read whole, as the service reads a text: a long one in windows.
      answers.add(
          engine
              .analyze(List.of(row.text()), Deadline.in(Duration.ofHours(1)), Priority.BULK, false)
              .get(0)
              .thenApply(TextAnalysis::document));
    }
    Evaluation evaluation = new Evaluation(candidates);
    for (int i = 0; i < rows.size(); i++) {
      evaluation.add(rows.get(i).label(), judge(answers.get(i).join(), candidates));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    engine.stop();
    executor.shutdown();
    System.out.printf(
        "model %s %s (labels %s), %s: %d texts in %.1f s%n",
        info.name(), info.version(), info.labels(), args[0], rows.size(), seconds);
    notes.forEach(System.out::println);
    System.out.print(evaluation.report());
  }

  /**
   * Reads a labelled TSV: a header {@code sentence<TAB>label[<TAB>...]}, then one row per line with
   * as many tab-separated columns. Labels are all 0/1 (binary, mapped to {@link #BINARY_LABELS}) or
   * all names.
   *
   * @throws IllegalArgumentException naming the line of the first malformed row
   */
  static LabelledFile parse(List<String> lines) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(
          "line 1: empty file, expected a header sentence<TAB>label");
    }
    String[] header = lines.get(0).split("\t", -1);
    if (header.length < 2 || !header[0].equals("sentence") || !header[1].equals("label")) {
      throw new IllegalArgumentException(
          "line 1: expected a header sentence<TAB>label[<TAB>...], found \"" + lines.get(0) + "\"");
    }
    List<Row> rows = new ArrayList<>(lines.size() - 1);
    Boolean binary = null;
    for (int i = 1; i < lines.size(); i++) {
      int line = i + 1;
      // Split on every tab, not the last: the three-class files have a third column (fine).
      String[] columns = lines.get(i).split("\t", -1);
      if (columns.length != header.length) {
        throw new IllegalArgumentException(
            "line %d: expected %d tab-separated columns as in the header, found %d"
                .formatted(line, header.length, columns.length));
      }
      if (columns[0].isBlank()) {
        throw new IllegalArgumentException("line %d: empty sentence".formatted(line));
      }
      String label = columns[1].strip();
      boolean numeric = label.equals("0") || label.equals("1");
      if (!numeric && !LABEL_NAME.matcher(label).matches()) {
        throw new IllegalArgumentException(
            "line %d: label \"%s\" is neither 0/1 nor a label name".formatted(line, label));
      }
      if (binary != null && binary != numeric) {
        // A mixed file is a mistake, and each kind of row would be judged differently.
        throw new IllegalArgumentException(
            "line %d: label \"%s\" mixes 0/1 labels and label names".formatted(line, label));
      }
      binary = numeric;
      rows.add(
          new Row(line, columns[0], numeric ? BINARY_LABELS.get(Integer.parseInt(label)) : label));
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no rows after the header");
    }
    return new LabelledFile(rows, binary);
  }

  /**
   * The labels a prediction may take: on a binary file only NEGATIVE and POSITIVE, since a
   * three-class model's NEUTRAL is no answer there; otherwise every label of the model.
   */
  static List<String> candidates(LabelledFile file, List<String> modelLabels, List<String> notes) {
    if (!file.binary()) {
      return modelLabels;
    }
    List<String> candidates =
        modelLabels.stream().filter(l -> spelledBy(l, BINARY_LABELS) != null).toList();
    List<String> others =
        modelLabels.stream().filter(l -> spelledBy(l, BINARY_LABELS) == null).toList();
    if (candidates.size() == BINARY_LABELS.size() && !others.isEmpty()) {
      notes.add(
          "binary file, model also has %s: each text is judged by P(POSITIVE) against P(NEGATIVE)"
              .formatted(String.join(", ", others)));
    }
    return candidates.size() == BINARY_LABELS.size() ? candidates : List.of();
  }

  /**
   * The label as {@code labels} spell it, or null. Case is ignored: the data files write labels in
   * capitals, while many models' {@code id2label} say "negative", "neutral", "positive".
   */
  static String spelledBy(String label, List<String> labels) {
    return labels.stream().filter(label::equalsIgnoreCase).findFirst().orElse(null);
  }

  /**
   * The rows whose true label the model has, that label spelled as the model spells it; a note says
   * how many of which label it cannot judge.
   */
  static List<Row> judgeable(List<Row> rows, List<String> modelLabels, List<String> notes) {
    Map<String, Integer> skipped = new LinkedHashMap<>();
    List<Row> kept = new ArrayList<>(rows.size());
    for (Row row : rows) {
      String label = spelledBy(row.label(), modelLabels);
      if (label != null) {
        kept.add(new Row(row.line(), row.text(), label));
      } else {
        skipped.merge(row.label(), 1, Integer::sum);
      }
    }
    skipped.forEach(
        (label, count) ->
            notes.add(
                "the model has no label %s, so it cannot judge %s: %d %s rows left out"
                    .formatted(label, label, count, label)));
    if (!skipped.isEmpty()) {
      notes.add("evaluated: the other %d of %d rows".formatted(kept.size(), rows.size()));
    }
    return kept;
  }

  /**
   * The most probable of the candidate labels. With every model label a candidate that is the
   * model's own answer; ties go to the first candidate in the model's label order.
   */
  static String judge(Prediction prediction, List<String> candidates) {
    String best = candidates.get(0);
    for (String label : candidates) {
      if (prediction.probabilities().get(label) > prediction.probabilities().get(best)) {
        best = label;
      }
    }
    return best;
  }
}
