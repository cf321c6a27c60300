package dev.sentiment.inference;

import ai.djl.translate.TranslateException;
import dev.sentiment.inference.TorchScriptModel.ForwardPass;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * What one forward pass costs by its shape, texts x tokens (special tokens included), on one
 * thread: the floor under a long text's answer. A sentence is about 1 x 12; a 300-word review in
 * windows of 128, 64 or 32 tokens gives each of two workers about 2 x 128, 4 x 64 or 7 x 32. Random
 * word pieces: a recurrent model's cost follows the shape, not the words. Run by {@code
 * bench/compare.sh}.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PassShapeBenchmark {

  @Param({"1x12", "7x32", "4x64", "2x128"})
  public String shape;

  @Param({"classpath:models/sentiment-en"})
  public String modelDir;

  private TorchScriptModel model;
  private ForwardPass pass;
  private List<EncodedText> texts;

  @Setup(Level.Trial)
  public void load() throws IOException {
    InferenceProperties properties = InferenceProperties.forModel(modelDir, 1, 128, 1, 0);
    TorchScriptModel.configureRuntime(properties);
    ModelDirectory directory = ModelDirectory.open(modelDir, new DefaultResourceLoader());
    String[] parts = shape.split("x");
    int rows = Integer.parseInt(parts[0]);
    int tokens = Integer.parseInt(parts[1]);
    Random random = new Random(1);
    texts = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      long[] ids = new long[tokens];
      for (int j = 0; j < tokens; j++) {
        ids[j] = 1000 + random.nextInt(20000); // ordinary word pieces, clear of special tokens
      }
      texts.add(new EncodedText(ids, false));
    }
    model = TorchScriptModel.load(directory);
    pass = model.newForwardPass(properties);
  }

  /** One pass of this shape. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public float[][] pass() throws TranslateException {
    return pass.run(texts);
  }

  @TearDown(Level.Trial)
  public void close() {
    pass.close();
    model.close();
  }
}
