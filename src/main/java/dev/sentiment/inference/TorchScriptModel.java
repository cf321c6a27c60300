package dev.sentiment.inference;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TorchScript model loaded once through DJL's PyTorch engine. Predictors are not thread-safe,
 * so every worker asks for its own {@link ForwardPass}.
 */
final class TorchScriptModel implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TorchScriptModel.class);
  private static final String TORCH_LOG_LEVEL = "TORCH_CPP_LOG_LEVEL";
  private static final String ONEDNN_CACHE = "ONEDNN_PRIMITIVE_CACHE_CAPACITY";

  private final Model model;
  private final int labels;

  private TorchScriptModel(Model model, int labels) {
    this.model = model;
    this.labels = labels;
  }

  /** Configures libtorch before its first use; DJL reads these properties once, at engine start. */
  static void configureRuntime(InferenceProperties properties) {
    // Both are read by the native libraries from the environment only, too late to set from here.
    hintIfUnset(
        TORCH_LOG_LEVEL,
        "ERROR",
        "on CPUs without NNPACK support libtorch warns on every convolution (\"Could not"
            + " initialize NNPACK\")");
    hintIfUnset(
        ONEDNN_CACHE,
        "4096",
        "oneDNN keeps 1,024 convolution kernels, one per input shape, so batches of every size and"
            + " length recompile on most passes");
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(properties.intraOpThreads()));
    System.setProperty(
        "ai.djl.pytorch.num_interop_threads", String.valueOf(properties.interOpThreads()));
    System.setProperty(
        "ai.djl.pytorch.graph_optimizer", String.valueOf(properties.graphOptimizer()));
  }

  private static void hintIfUnset(String variable, String advised, String consequence) {
    if (System.getenv(variable) == null) {
      log.info("{} is not set: {}; set {}={}", variable, consequence, variable, advised);
    }
  }

  static TorchScriptModel load(ModelDirectory directory) throws IOException {
    Model model = Model.newInstance(directory.info().name(), Device.cpu(), "PyTorch");
    try {
      model.load(directory.path(), "model");
    } catch (MalformedModelException | IOException | RuntimeException e) {
      model.close();
      throw new IOException("model.pt could not be loaded as TorchScript", e);
    }
    return new TorchScriptModel(model, directory.info().labels().size());
  }

  /**
   * A predictor for the calling thread. libtorch's OpenMP thread count is per calling thread, so it
   * is set here, on the worker that will run the passes.
   */
  ForwardPass newForwardPass(InferenceProperties properties) {
    JniUtils.setNumThreads(properties.intraOpThreads());
    JniUtils.setGraphExecutorOptimize(properties.graphOptimizer());
    return new ForwardPass(model.newPredictor(new ProbabilitiesTranslator()), labels);
  }

  @Override
  public void close() {
    model.close();
  }

  /** One worker's predictor: runs padded batches and splits the result per text. */
  static final class ForwardPass implements AutoCloseable {

    private final Predictor<TokenBatch, float[]> predictor;
    private final int labels;

    private ForwardPass(Predictor<TokenBatch, float[]> predictor, int labels) {
      this.predictor = predictor;
      this.labels = labels;
    }

    /** Probabilities per text, in the order given. */
    float[][] run(List<EncodedText> texts) throws TranslateException {
      float[] flat = predictor.predict(TokenBatch.of(texts));
      if (flat.length != texts.size() * labels) {
        throw new TranslateException(
            "The model returned " + flat.length + " values for " + texts.size() + " texts");
      }
      float[][] rows = new float[texts.size()][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = java.util.Arrays.copyOfRange(flat, i * labels, (i + 1) * labels);
      }
      return rows;
    }

    @Override
    public void close() {
      predictor.close();
    }
  }
}
