package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A batch of short texts and one long one is split into passes by length for a model that pays for
 * padding, and run as one pass for a model that declares {@code padding_free}; the answers are the
 * same either way. Only the split passes of real texts teach the worker what a pass costs.
 */
class PassSplittingTest {

  private static final InferenceProperties PROPERTIES = TestEngines.properties(1, 32, 64);
  private static ModelDirectory directory;
  private static TorchScriptModel model;
  private static List<EncodedText> texts;

  @BeforeAll
  static void load() throws Exception {
    directory = ModelDirectory.open(TestEngines.BUILT_IN, new DefaultResourceLoader());
    TorchScriptModel.configureRuntime(PROPERTIES);
    model = TorchScriptModel.load(directory);
    texts = new ArrayList<>();
    try (TextEncoder encoder =
        TextEncoder.load(
            directory.path().resolve(ModelDirectory.TOKENIZER_FILE),
            directory.info().maxLength())) {
      texts.add(encoder.encode("a wonderful film"));
      texts.add(encoder.encode("dull and lifeless"));
      texts.add(encoder.encode("great fun"));
      texts.add(encoder.encode("a slow, careful and in the end moving portrait ".repeat(10)));
    }
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void theBuiltInModelIsPaddingFree() {
    assertThat(directory.info().paddingFree()).isTrue();
  }

  @Test
  void splitsByLengthOnlyWhenPaddingCosts() {
    Passes split = runOneBatch(builtInWithPaddingFree(false));
    Passes whole = runOneBatch(builtInWithPaddingFree(true));

    assertThat(split.sizes.count()).isEqualTo(2);
    assertThat(split.sizes.max()).isEqualTo(3);
    assertThat(whole.sizes.count()).isEqualTo(1);
    assertThat(whole.sizes.max()).isEqualTo(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      assertThat(whole.predictions.get(i).label()).isEqualTo(split.predictions.get(i).label());
      assertThat(whole.predictions.get(i).score())
          .as("text %d", i)
          .isCloseTo(split.predictions.get(i).score(), within(1e-5));
    }
  }

  @Test
  void learnsWhatAPassCostsFromRequestsOnlyAndOnlyWhenItSplits() {
    PassCost fromRequests = new PassCost();
    runOneBatch(builtInWithPaddingFree(false), true, fromRequests);
    assertThat(fromRequests.passes()).isEqualTo(2);

    PassCost fromWarmUp = new PassCost();
    runOneBatch(builtInWithPaddingFree(false), false, fromWarmUp);
    assertThat(fromWarmUp.passes()).isZero();

    PassCost paddingFree = new PassCost();
    runOneBatch(builtInWithPaddingFree(true), true, paddingFree);
    assertThat(paddingFree.passes()).isZero();
  }

  private static ModelInfo builtInWithPaddingFree(boolean paddingFree) {
    ModelInfo builtIn = directory.info();
    return new ModelInfo(
        builtIn.name(), builtIn.version(), builtIn.labels(), builtIn.maxLength(), paddingFree);
  }

  private record Passes(DistributionSummary sizes, List<Prediction> predictions) {}

  private static Passes runOneBatch(ModelInfo info) {
    return runOneBatch(info, true, new PassCost());
  }

  /** {@code counted} false: texts as the engine's own warm-up admits them. */
  private static Passes runOneBatch(ModelInfo info, boolean counted, PassCost passCost) {
    WorkQueue queue = new WorkQueue(64, new BatchPolicy(8, 1));
    List<WorkItem> items = new ArrayList<>();
    for (EncodedText text : texts) {
      WorkItem item =
          new WorkItem(
              text,
              Priority.INTERACTIVE,
              counted,
              System.nanoTime(),
              Deadline.in(Duration.ofDays(1)));
      items.add(item);
      queue.offer(List.of(item), waiting -> true);
    }
    queue.close();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new InferenceWorker(
            queue,
            model,
            PROPERTIES,
            info,
            new EngineMetrics(registry, queue, 32),
            new DrainEstimate(32),
            passCost)
        .run();
    List<Prediction> predictions = new ArrayList<>();
    for (WorkItem item : items) {
      predictions.add(item.future.join());
    }
    return new Passes(registry.get("sentiment.batch.size").summary(), predictions);
  }
}
