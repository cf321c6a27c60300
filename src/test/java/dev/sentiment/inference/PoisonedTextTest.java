package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** A text the model cannot process fails alone; the rest of its batch is answered. */
class PoisonedTextTest {

  @Test
  void oneBadTextFailsOnlyItself() throws Exception {
    InferenceProperties properties = TestEngines.properties(1, 32, 64);
    ModelDirectory directory =
        ModelDirectory.open(TestEngines.BUILT_IN, new DefaultResourceLoader());
    TorchScriptModel.configureRuntime(properties);
    try (TorchScriptModel model = TorchScriptModel.load(directory);
        TextEncoder encoder =
            TextEncoder.load(
                directory.path().resolve(ModelDirectory.TOKENIZER_FILE),
                directory.info().maxLength())) {
      WorkQueue queue = new WorkQueue(64, new BatchPolicy(8, 1));
      List<WorkItem> items = new ArrayList<>();
      for (String text : List.of("a wonderful film", "dull and lifeless", "great fun")) {
        items.add(
            new WorkItem(
                encoder.encode(text),
                Priority.INTERACTIVE,
                true,
                System.nanoTime(),
                Deadline.in(Duration.ofDays(1))));
      }
      // An id far outside the vocabulary makes the embedding lookup fail inside libtorch.
      WorkItem poisoned =
          new WorkItem(
              new EncodedText(new long[] {101, 999_999_999L, 102}, false),
              Priority.INTERACTIVE,
              true,
              System.nanoTime(),
              Deadline.in(Duration.ofDays(1)));
      items.add(1, poisoned);
      queue.offer(items, waiting -> true);
      queue.close();

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      TestEngines.runWorker(queue, model, properties, directory.info(), registry);

      assertThatThrownBy(poisoned.future::join).cause().isInstanceOf(InferenceException.class);
      assertThat(items.get(0).future.join().label()).isEqualTo("POSITIVE");
      assertThat(items.get(2).future.join().label()).isEqualTo("NEGATIVE");
      assertThat(items.get(3).future.join().label()).isEqualTo("POSITIVE");
      assertThat(registry.get("sentiment.inference.failures").counter().count()).isEqualTo(1);
    }
  }
}
