package dev.sentiment.inference;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.ResourceLoader;

/**
 * Everything one start of the engine loads: the model's description, its tokenizer, the TorchScript
 * module, what its passes cost (learnt by its workers), and a count of the workers running on it.
 * Released as a whole on stop.
 */
final class LoadedModel implements AutoCloseable {

  final ModelInfo info;
  final TextEncoder encoder;
  final DocumentReader reader;
  final TorchScriptModel model;
  final PassCost passCost = new PassCost();
  private final CountDownLatch workersRunning;

  private LoadedModel(
      ModelInfo info,
      TextEncoder encoder,
      TorchScriptModel model,
      int workers,
      int windowTokens,
      int maxWindows) {
    this.info = info;
    this.encoder = encoder;
    this.reader = new DocumentReader(encoder, windowTokens, maxWindows);
    this.model = model;
    this.workersRunning = new CountDownLatch(workers);
  }

  /**
   * Loads the configured model for {@code workers} workers, whose exits {@link #awaitWorkers}
   * counts.
   */
  static LoadedModel load(InferenceProperties properties, ResourceLoader resources, int workers)
      throws IOException {
    ModelDirectory directory = ModelDirectory.open(properties.modelDir(), resources);
    ModelInfo info = directory.info();
    TextEncoder encoder =
        TextEncoder.load(directory.path().resolve(ModelDirectory.TOKENIZER_FILE), info.maxLength());
    try {
      return new LoadedModel(
          info,
          encoder,
          TorchScriptModel.load(directory),
          workers,
          properties.windowTokens() > 0
              ? Math.min(properties.windowTokens(), info.maxLength())
              : info.maxLength(),
          properties.maxWindows());
    } catch (IOException | RuntimeException e) {
      encoder.close();
      throw e;
    }
  }

  void workerExited() {
    workersRunning.countDown();
  }

  boolean awaitWorkers(long timeout, TimeUnit unit) throws InterruptedException {
    return workersRunning.await(timeout, unit);
  }

  @Override
  public void close() {
    model.close();
    encoder.close();
  }
}
