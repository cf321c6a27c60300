package dev.sentiment.inference;

import ai.djl.translate.TranslateException;
import dev.sentiment.inference.TorchScriptModel.ForwardPass;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * What one forward pass costs by its shape: {@code rows} texts of {@code length} tokens each. For a
 * model that pays for padding, a pass costs about {@code fixed + rows × length × perToken}; {@code
 * fixed / perToken} is the overhead {@link LengthGroups} weighs against padding when it splits a
 * batch, which the workers learn from their passes ({@link PassCost}); this measures it alone, on
 * one thread. Run with {@code org.openjdk.jmh.Main PassCostBenchmark -p modelDir=/path/to/model} on
 * the `-Ptools` test classpath (docs/performance.md, "A transformer dropped in"). {@code
 * bench/compare.sh} also runs it on the built-in recurrent model, whose pass costs a step per token
 * of its longest text: the shapes a long review's windows give each worker (2 x 128, 4 x 64, 7 x
 * 32) against a sentence's (1 x 12) are the floor under that review's answer.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PassCostBenchmark {

  @Param({"1", "8", "32"})
  public int rows;

  @Param({"8", "32", "64"})
  public int length;

  @Param({"classpath:models/sentiment-en-sst2"})
  public String modelDir;

  private TorchScriptModel model;
  private ForwardPass pass;
  private List<EncodedText> batch;

  @Setup(Level.Trial)
  public void load() throws IOException {
    InferenceProperties properties = InferenceProperties.forModel(modelDir, 1, rows, 1, 0);
    TorchScriptModel.configureRuntime(properties);
    ModelDirectory directory = ModelDirectory.open(modelDir, new DefaultResourceLoader());
    batch = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      long[] ids = new long[length];
      // [CLS] ordinary word pieces [SEP]: the cost of a pass does not depend on which ones.
      Arrays.fill(ids, 2000 + row);
      ids[0] = 101;
      ids[length - 1] = 102;
      batch.add(new EncodedText(ids, false));
    }
    model = TorchScriptModel.load(directory);
    pass = model.newForwardPass(properties);
  }

  /** Average time of one pass of this shape. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public float[][] pass() throws TranslateException {
    return pass.run(batch);
  }

  @TearDown(Level.Trial)
  public void close() {
    pass.close();
    model.close();
  }
}
