package dev.sentiment.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** A worker never computes a text whose deadline passed while it waited; it answers it 408. */
class ExpiredTextTest {

  @Test
  void aTextWhoseDeadlinePassedInTheQueueIsSkipped() throws Exception {
    InferenceProperties properties = TestEngines.properties(1, 32, 64);
    ModelDirectory directory =
        ModelDirectory.open(TestEngines.BUILT_IN, new DefaultResourceLoader());
    TorchScriptModel.configureRuntime(properties);
    try (TorchScriptModel model = TorchScriptModel.load(directory)) {
      long admitted = System.nanoTime() - 1_000_000_000L;
      // [CLS] good [SEP]: admitted a second ago with 100 ms to live, and one with a day.
      WorkItem expired =
          new WorkItem(
              new EncodedText(new long[] {101, 2204, 102}, false),
              Priority.INTERACTIVE,
              true,
              admitted,
              Deadline.after(admitted, Duration.ofMillis(100)));
      WorkItem alive =
          new WorkItem(
              new EncodedText(new long[] {101, 2204, 102}, false),
              Priority.INTERACTIVE,
              true,
              admitted,
              Deadline.in(Duration.ofDays(1)));
      WorkQueue queue = new WorkQueue(64, new BatchPolicy(8, 1));
      queue.offer(List.of(expired, alive), waiting -> true);
      queue.close();

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      TestEngines.runWorker(queue, model, properties, directory.info(), registry);

      assertThatThrownBy(expired.future::join)
          .cause()
          .isInstanceOf(DeadlineExceededException.class);
      assertThat(alive.future.join().label()).isEqualTo("POSITIVE");
      assertThat(registry.get("sentiment.work.skipped").tag("reason", "expired").counter().count())
          .isEqualTo(1);
      assertThat(registry.get("sentiment.batch.size").summary().totalAmount()).isEqualTo(1);
    }
  }
}
